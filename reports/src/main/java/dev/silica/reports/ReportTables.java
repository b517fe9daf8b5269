package dev.silica.reports;

import dev.silica.reports.Table.Column;
import dev.silica.simulator.energy.AreaBreakdown;
import dev.silica.simulator.energy.EnergyBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables every renderer shows, built once from the report models. */
public final class ReportTables {
  private ReportTables() {}

  /** Metric key → (label with unit, definition), for the summary table. */
  private static final Map<String, String[]> SUMMARY =
      Map.ofEntries(
          Map.entry("cycles", new String[] {"cycles", "cycles", "sum over layers"}),
          Map.entry("time_s", new String[] {"time", "s", "cycles / clock_hz"}),
          Map.entry(
              "inferences", new String[] {"inferences", "", "batch from the config echo, else 1"}),
          Map.entry(
              "inferences_per_s", new String[] {"throughput", "inferences/s", "inferences / time"}),
          Map.entry("macs", new String[] {"MACs", "MACs", "sum over layers"}),
          Map.entry("ops", new String[] {"ops", "ops", "2 x MACs"}),
          Map.entry("tops", new String[] {"throughput", "TOPS", "ops / time / 1e12"}),
          Map.entry(
              "utilization",
              new String[] {"utilization", "", "MACs / (peak MACs per cycle x cycles)"}),
          Map.entry("energy_pj", new String[] {"energy", "pJ", "sum of the energy breakdown"}),
          Map.entry("power_w", new String[] {"average power", "W", "energy / time"}),
          Map.entry("tops_per_w", new String[] {"energy efficiency", "TOPS/W", "ops / energy_pj"}),
          Map.entry(
              "inferences_per_j",
              new String[] {"energy efficiency", "inferences/J", "inferences / energy"}),
          Map.entry("area_um2", new String[] {"area", "um^2", "sum of the area breakdown"}),
          Map.entry(
              "dram_bytes",
              new String[] {"DRAM traffic", "bytes", "dram read + write bits / 8, rounded up"}));

  /** metric | value | unit | definition, for {@link RunReport#summary()}. */
  public static Table summary(RunReport r) {
    List<List<Object>> rows = new ArrayList<>();
    r.summary()
        .forEach((k, v) -> {
          String[] m = SUMMARY.get(k);
          rows.add(List.of(k, v, m[1], m[2]));
        });
    return new Table(
        "Summary",
        List.of(
            Column.text("metric"),
            Column.text("value"),
            Column.text("unit"),
            Column.text("definition")),
        rows);
  }

  /** One row per layer and a total row: cycles and stall breakdown, time, MACs, energy, bytes. */
  public static Table layers(RunReport r) {
    List<Column> cols = new ArrayList<>();
    cols.add(Column.text("layer"));
    cols.add(Column.text("op"));
    cols.add(new Column("cycles", "cycles"));
    for (String c : r.cycleComponents()) {
      cols.add(new Column(c + "_cycles", c + " (cycles)"));
    }
    cols.add(new Column("time_s", "time (s)"));
    cols.add(new Column("macs", "MACs"));
    cols.add(new Column("utilization", "utilization"));
    cols.add(new Column("tops", "TOPS"));
    cols.add(new Column("energy_pj", "energy (pJ)"));
    cols.add(new Column("dram_bytes", "DRAM (bytes)"));
    cols.add(new Column("ops_per_byte", "intensity (ops/byte)"));
    List<List<Object>> rows = new ArrayList<>();
    for (LayerReport l : r.layers()) {
      rows.add(layerRow(r, l));
    }
    rows.add(layerRow(r, r.total()));
    return new Table("Per layer", cols, rows);
  }

  private static List<Object> layerRow(RunReport r, LayerReport l) {
    List<Object> row = new ArrayList<>();
    row.add(l.name());
    row.add(l.opKind());
    row.add(l.cycles());
    for (String c : r.cycleComponents()) {
      row.add(l.cycles(c));
    }
    row.add(l.timeS());
    row.add(l.macs());
    row.add(l.utilization());
    row.add(l.tops());
    row.add(l.energyPj());
    row.add(l.dramBytes());
    row.add(l.dramBytes() == 0 ? null : l.opsPerDramByte());
    return row;
  }

  /** Energy per component and its share of the total. */
  public static Table energyByComponent(RunReport r) {
    List<List<Object>> rows = new ArrayList<>();
    double total = r.total().energyPj();
    r.energyByComponentPj()
        .forEach((c, pj) -> rows.add(List.of(c, pj, total == 0 ? 0.0 : pj / total)));
    return new Table(
        "Energy by component",
        List.of(
            Column.text("component"),
            new Column("energy_pj", "energy (pJ)"),
            new Column("share", "share")),
        rows);
  }

  /** Every energy row with the table entry that priced it. */
  public static Table energyByAction(RunReport r) {
    List<List<Object>> rows = new ArrayList<>();
    for (EnergyBreakdown.Row e : r.energyRows()) {
      rows.add(
          List.of(
              e.component(),
              e.action(),
              e.count(),
              e.pjEach(),
              e.energyPj(),
              e.table(),
              e.entry(),
              e.source()));
    }
    return new Table(
        "Energy by action",
        List.of(
            Column.text("component"),
            Column.text("action"),
            new Column("count", "count"),
            new Column("pj_each", "each (pJ)"),
            new Column("energy_pj", "energy (pJ)"),
            Column.text("table"),
            Column.text("entry"),
            Column.text("source")),
        rows);
  }

  /** Every area row with the table entry that priced it. */
  public static Table area(RunReport r) {
    List<List<Object>> rows = new ArrayList<>();
    for (AreaBreakdown.Row a : r.areaRows()) {
      rows.add(
          List.of(
              a.instance(),
              a.component(),
              a.count(),
              a.um2Each(),
              a.areaUm2(),
              a.table(),
              a.entry(),
              a.source()));
    }
    return new Table(
        "Area by component",
        List.of(
            Column.text("instance"),
            Column.text("component"),
            new Column("count", "count"),
            new Column("um2_each", "each (um^2)"),
            new Column("area_um2", "area (um^2)"),
            Column.text("table"),
            Column.text("entry"),
            Column.text("source")),
        rows);
  }

  /** Bytes per memory level and component. */
  public static Table memoryTraffic(RunReport r) {
    List<List<Object>> rows = new ArrayList<>();
    for (MemoryTraffic t : r.memoryTraffic()) {
      rows.add(List.of(t.level(), t.component(), t.readBytes(), t.writeBytes(), t.bytes()));
    }
    return new Table(
        "Memory traffic",
        List.of(
            Column.text("level"),
            Column.text("component"),
            new Column("read_bytes", "read (bytes)"),
            new Column("write_bytes", "write (bytes)"),
            new Column("bytes", "total (bytes)")),
        rows);
  }

  /** The roofline's peak and bandwidth, with where they came from. */
  public static Table roof(RunReport r) {
    Roof roof = r.roof();
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("peak_ops_per_s", roof.peakOpsPerS(), "ops/s", roof.peakSource()));
    rows.add(row("dram_bytes_per_s", roof.dramBytesPerS(), "bytes/s", roof.bandwidthSource()));
    rows.add(
        row(
            "ridge_ops_per_byte",
            roof.ridgeOpsPerByte(),
            "ops/byte",
            "peak_ops_per_s / dram_bytes_per_s"));
    return new Table(
        "Roofline",
        List.of(
            Column.text("quantity"),
            Column.text("value"),
            Column.text("unit"),
            Column.text("source")),
        rows);
  }

  private static List<Object> row(
      String key, java.util.OptionalDouble v, String unit, String source) {
    List<Object> row = new ArrayList<>();
    row.add(key);
    row.add(v.isPresent() ? (Object) v.getAsDouble() : "unknown");
    row.add(unit);
    row.add(source);
    return row;
  }

  /** One row per run: the varying config keys, then the headline metrics. */
  public static Table comparison(ComparisonReport c) {
    List<Column> cols = new ArrayList<>();
    cols.add(Column.text("run"));
    cols.add(Column.text("model"));
    cols.add(Column.text("accelerator"));
    List<String> varying = c.varyingConfigKeys();
    for (String k : varying) {
      cols.add(Column.text(k));
    }
    cols.add(Column.text("feasible"));
    cols.add(new Column("cycles", "cycles"));
    cols.add(new Column("time_s", "time (s)"));
    cols.add(new Column("inferences_per_s", "inferences/s"));
    cols.add(new Column("tops", "TOPS"));
    cols.add(new Column("utilization", "utilization"));
    cols.add(new Column("energy_pj", "energy (pJ)"));
    cols.add(new Column("tops_per_w", "TOPS/W"));
    cols.add(new Column("inferences_per_j", "inferences/J"));
    cols.add(new Column("area_um2", "area (um^2)"));
    cols.add(new Column("dram_bytes", "DRAM (bytes)"));
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < c.runs().size(); i++) {
      RunReport r = c.runs().get(i);
      List<Object> row = new ArrayList<>();
      row.add(c.labels().get(i));
      row.add(r.model());
      row.add(r.accelerator());
      for (String k : varying) {
        Object v = r.config().get(k);
        row.add(v == null ? null : v.toString());
      }
      row.add(r.infeasibleReason().map(reason -> "no: " + reason).orElse("yes"));
      row.add(r.total().cycles());
      row.add(r.total().timeS());
      row.add(r.inferencesPerS());
      row.add(r.total().tops());
      row.add(r.total().utilization());
      row.add(r.total().energyPj());
      row.add(r.topsPerW());
      row.add(r.inferencesPerJ());
      row.add(r.areaUm2());
      row.add(r.total().dramBytes());
      rows.add(row);
    }
    return new Table("Comparison", cols, rows);
  }

  /** All tables of a run report, in the order reports show them. */
  public static List<Table> all(RunReport r) {
    if (!r.isFeasible()) {
      return List.of(summary(r));
    }
    return List.of(
        summary(r),
        layers(r),
        energyByComponent(r),
        energyByAction(r),
        area(r),
        memoryTraffic(r),
        roof(r));
  }
}
