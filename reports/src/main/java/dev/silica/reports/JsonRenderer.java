package dev.silica.reports;

import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON with units in the keys ({@code time_s}, {@code energy_pj}, {@code area_um2}, {@code
 * read_bytes}; a map of values in one unit has the unit on its key: {@code
 * energy_by_component_pj}), keys in a fixed order, numbers exact, unknown values {@code null}.
 */
public final class JsonRenderer {
  private JsonRenderer() {}

  public static String render(RunReport r) {
    return Json.write(tree(r));
  }

  public static String render(ComparisonReport c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("varying_config", c.varyingConfigKeys());
    List<Object> runs = new ArrayList<>();
    for (int i = 0; i < c.runs().size(); i++) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("label", c.labels().get(i));
      run.putAll(tree(c.runs().get(i)));
      runs.add(run);
    }
    m.put("runs", runs);
    return Json.write(m);
  }

  /** The report as ordered maps and lists (what {@link #render(RunReport)} writes). */
  static Map<String, Object> tree(RunReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", r.model());
    m.put("accelerator", r.accelerator());
    m.put("feasible", r.isFeasible());
    m.put("infeasible_reason", r.infeasibleReason().orElse(null));
    m.put("clock_hz", r.clockHz());
    m.put("summary", new LinkedHashMap<>(r.summary()));
    m.put("cycle_breakdown_cycles", r.total().cycleBreakdown());
    m.put("energy_by_component_pj", r.energyByComponentPj());
    m.put("energy_by_action_pj", r.energyByActionPj());
    m.put("area_by_component_um2", r.areaByComponentUm2());
    m.put("bytes_by_level", r.bytesByLevel());
    List<Object> layers = new ArrayList<>();
    for (LayerReport l : r.layers()) {
      layers.add(layer(l));
    }
    m.put("layers", layers);
    List<Object> energy = new ArrayList<>();
    for (EnergyBreakdown.Row e : r.energyRows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("component", e.component());
      row.put("action", e.action());
      row.put("count", e.count());
      row.put("pj_each", e.pjEach());
      row.put("energy_pj", e.energyPj());
      row.put("table", e.table());
      row.put("entry", e.entry());
      row.put("source", e.source());
      energy.add(row);
    }
    m.put("energy_rows", energy);
    List<Object> area = new ArrayList<>();
    for (AreaBreakdown.Row a : r.areaRows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("instance", a.instance());
      row.put("component", a.component());
      row.put("count", a.count());
      row.put("um2_each", a.um2Each());
      row.put("area_um2", a.areaUm2());
      row.put("table", a.table());
      row.put("entry", a.entry());
      row.put("source", a.source());
      area.add(row);
    }
    m.put("area_rows", area);
    List<Object> traffic = new ArrayList<>();
    for (MemoryTraffic t : r.memoryTraffic()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("level", t.level());
      row.put("component", t.component());
      row.put("read_bytes", t.readBytes());
      row.put("write_bytes", t.writeBytes());
      row.put("bytes", t.bytes());
      traffic.add(row);
    }
    m.put("memory_traffic", traffic);
    Map<String, Object> roof = new LinkedHashMap<>();
    Roof rf = r.roof();
    roof.put(
        "peak_ops_per_s", rf.peakOpsPerS().isPresent() ? rf.peakOpsPerS().getAsDouble() : null);
    roof.put("peak_source", rf.peakSource());
    roof.put(
        "dram_bytes_per_s",
        rf.dramBytesPerS().isPresent() ? rf.dramBytesPerS().getAsDouble() : null);
    roof.put("dram_bandwidth_source", rf.bandwidthSource());
    roof.put(
        "ridge_ops_per_byte",
        rf.ridgeOpsPerByte().isPresent() ? rf.ridgeOpsPerByte().getAsDouble() : null);
    m.put("roof", roof);
    m.put("config", r.config());
    return m;
  }

  private static Map<String, Object> layer(LayerReport l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", l.name());
    m.put("op_kind", l.opKind());
    m.put("cycles", l.cycles());
    m.put("cycle_breakdown_cycles", l.cycleBreakdown());
    m.put("time_s", l.timeS());
    m.put("macs", l.macs());
    m.put("ops", l.ops());
    m.put("tops", l.tops());
    m.put("utilization", l.utilization());
    m.put("energy_pj", l.energyPj());
    m.put("energy_by_component_pj", l.energyByComponentPj());
    m.put("dram_bytes", l.dramBytes());
    m.put("bytes_by_level", l.bytesByLevel());
    m.put("ops_per_byte", l.dramBytes() == 0 ? null : l.opsPerDramByte());
    return m;
  }
}
