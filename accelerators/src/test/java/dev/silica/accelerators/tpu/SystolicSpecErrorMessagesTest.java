package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.accelerators.Accelerators;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.Infeasible;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.simulator.spec.InvalidSpecException;
import dev.silica.simulator.spec.SpecLoader;
import dev.silica.simulator.spec.SpecNode;
import dev.silica.workloads.ir.Graph;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec, config-file and registry errors: messages are part of the interface. */
class SystolicSpecErrorMessagesTest {
  private static final String GOOD =
      """
      name: small
      array: { rows: 4, cols: 4, dataflow: ws }
      sram: { ifmap_kib: 8, filter_kib: 8, ofmap_kib: 8 }
      dram: { bandwidth_bytes_per_cycle: 16, mode: calc }
      clock_mhz: 500
      """;

  static SystolicArrayConfig bind(String yaml) {
    return SystolicArrayConfig.fromSpec(SpecLoader.parse("arch/small.yaml", yaml));
  }

  @Test
  void goodSpecBindsAndRoundTrips() {
    SystolicArrayConfig c = bind(GOOD);
    assertThat(c.rows()).isEqualTo(4);
    assertThat(c.dataflow()).isEqualTo(Dataflow.WS);
    assertThat(c.macFormat()).isEqualTo(OperandFormat.INT8);
    assertThat(c.timing()).isEqualTo(Timing.SCALESIM_V2);
    assertThat(SystolicArrayConfig.fromSpec(SpecNode.fromPlain("echo", c.toMap()))).isEqualTo(c);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "rows: 4|rows: 0|arch/small.yaml:2: array.rows: must be a positive integer, got 0",
        "dataflow: ws|dataflow: rs|arch/small.yaml:2: array.dataflow: unknown dataflow 'rs'"
            + " (expected one of: os, ws, is)",
        "rows: 4|rowz: 4|arch/small.yaml:2: unknown key 'array.rowz' (did you mean 'array.rows'?",
        "clock_mhz: 500|clock_mhz: -1|arch/small.yaml:5: clock_mhz: must be a positive number",
        "mode: calc|mode: fast|arch/small.yaml:4: dram.mode: unknown mode 'fast'"
            + " (expected one of: calc, user)",
        "clock_mhz: 500|clokc_mhz: 500|arch/small.yaml:5: unknown key 'clokc_mhz'"
            + " (did you mean 'clock_mhz'?",
      })
  void badSpecsNameFileLineAndKey(String from, String to, String message) {
    assertThatThrownBy(() -> bind(GOOD.replace(from, to)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void mixedFormatsAreRejectedAtTheFormatsKey() {
    assertThatThrownBy(() -> bind(GOOD + "formats: { mac: int8, weights: fp16 }\n"))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "arch/small.yaml:6: formats: operand format fp16 must be integer like the mac format"
                + " int8");
  }

  @Test
  void recordRejectsZeroRowsWithoutASpec() {
    assertThatThrownBy(() -> SystolicArrayAnalyticTest.array(0, 4, Dataflow.WS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("array.rows: must be a positive integer, got 0");
  }

  @Test
  void sramSmallerThanOneTileIsInfeasibleWithTheReason() {
    // 128x128 int8 weight tile = 16384 B; a 16 KiB filter SRAM keeps only 8192 B per half
    SystolicArrayConfig cfg =
        SystolicArrayAnalyticTest.array(128, 128, Dataflow.WS).withSramKib(64, 16, 64);
    Graph g = SystolicArrayAnalyticTest.gemm(256, 256, 256);
    SystolicArrayModel model = new SystolicArrayModel(cfg);
    String reason =
        "layer mm: weight tile 128x128 int8 = 16384 B exceeds half of the filter SRAM (8192 of"
            + " 16384 B; the other half double-buffers the next tile)";
    assertThat(model.check(g)).isEqualTo(new Infeasible(reason));
    RunResult r = SimInvariants.check(model.run(g));
    assertThat(r.isFeasible()).isFalse();
    assertThat(r.layers()).isEmpty();
    // a smaller layer's tile fits: 64x128 = 8192 B
    assertThat(model.check(SystolicArrayAnalyticTest.gemm(256, 256, 64)).isFeasible()).isTrue();
  }

  @Test
  void presetsAndOverrides() {
    SystolicArrayConfig tpu = SystolicArrayConfig.preset("tpu-v1");
    // TPU v1: 256x256 WS, 700 MHz, 34 GB/s (papers-inputs §2.1, §2.4)
    assertThat(tpu.rows()).isEqualTo(256);
    assertThat(tpu.cols()).isEqualTo(256);
    assertThat(tpu.dataflow()).isEqualTo(Dataflow.WS);
    assertThat(tpu.clockMhz()).isEqualTo(700.0);
    assertThat(tpu.ifmapSramKib()).isEqualTo(24 * 1024); // 24 MiB Unified Buffer
    assertThat(tpu.ofmapSramKib()).isEqualTo(4 * 1024); // 4 MiB accumulators
    assertThat(tpu.dramBytesPerCycle() * tpu.clockHz())
        .isCloseTo(34e9, org.assertj.core.api.Assertions.within(1.0));
    SystolicArrayConfig small =
        SystolicArrayConfig.fromPresetSpec(
            SpecLoader.parse("over.yaml", "preset: tpu-v1\narray: { rows: 32 }\n"));
    assertThat(small.rows()).isEqualTo(32);
    assertThat(small.cols()).isEqualTo(256);
    assertThatThrownBy(() ->
            SystolicArrayConfig.fromPresetSpec(
                SpecLoader.parse("over.yaml", "preset: tpu-v1\narray: { rowz: 32 }\n")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith(
            "over.yaml:2: unknown key 'array.rowz' (did you mean 'array.rows'?");
    assertThat(SystolicArrayConfig.preset("eyeriss-like"))
        .extracting(c -> c.rows(), c -> c.cols(), c -> c.dataflow(), c -> c.ifmapSramKib())
        .containsExactly(12, 14, Dataflow.WS, 36);
  }

  @Test
  void registryCreatesPresetsAndListsValidNames() {
    assertThat(Accelerators.names())
        .containsExactly(
            "tpu-v1",
            "eyeriss-like",
            "scalesim-google",
            "scalesim-scale",
            "ws-16x16-int8",
            "eie-64",
            "eie-256",
            "i7-5930k",
            "xeon-e5-2699v3",
            "xeon-platinum-8480",
            "host",
            "gtx-580",
            "titan-x-maxwell",
            "tegra-k1",
            "k80",
            "v100",
            "a100",
            "h100",
            "h200");
    AcceleratorModel m = Accelerators.create("tpu-v1");
    assertThat(m.name()).isEqualTo("tpu-v1");
    assertThat(((SystolicArrayModel) m).config()).isEqualTo(SystolicArrayConfig.preset("tpu-v1"));
    assertThatThrownBy(() -> Accelerators.create("tpu-v2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown accelerator 'tpu-v2' (did you mean 'tpu-v1'? expected one of: tpu-v1,"
                + " eyeriss-like, scalesim-google, scalesim-scale, ws-16x16-int8, eie-64, eie-256,"
                + " i7-5930k, xeon-e5-2699v3, xeon-platinum-8480, host, gtx-580, titan-x-maxwell,"
                + " tegra-k1, k80, v100, a100, h100, h200)");
  }

  @Test
  void acceleratorSpecFilesNameTheirFamily() {
    String spec =
        """
        version: 1
        kind: accelerator
        model: tpu.systolic
        preset: tpu-v1
        array: { rows: 64, cols: 64 }
        """;
    AcceleratorModel m =
        Accelerators.fromSpec(
            SpecLoader.load(
                "arch/tpu64.yaml", spec, dev.silica.simulator.spec.SpecKind.ACCELERATOR));
    assertThat(((SystolicArrayModel) m).config().rows()).isEqualTo(64);
    assertThat(((SystolicArrayModel) m).config().clockMhz()).isEqualTo(700.0);
    assertThatThrownBy(() ->
            Accelerators.fromSpec(
                SpecLoader.parse("arch/x.yaml", "model: eie.lanes\npreset: tpu-v1\n")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessage(
            "arch/x.yaml:1: model: unknown model family 'eie.lanes' (expected one of:"
                + " tpu.systolic, eie)");
  }

  @Test
  void scaleSimConfigsMatchThePresets() {
    // scale-sim-v2 configs/google.cfg, as shipped
    String google =
        """
        [general]
        run_name = google

        [architecture_presets]
        ArrayHeight:    256
        ArrayWidth:     256
        IfmapSramSzkB:    6144
        FilterSramSzkB:   6144
        OfmapSramSzkB:    2048
        IfmapOffset:    0
        FilterOffset:   10000000
        OfmapOffset:    20000000
        Dataflow : ws
        Bandwidth : 10
        MemoryBanks: 1

        [run_presets]
        InterfaceBandwidth: CALC
        """;
    assertThat(ScaleSimConfig.parse("google.cfg", google).withName("scalesim-google"))
        .isEqualTo(SystolicArrayConfig.preset("scalesim-google"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Dataflow : ws|Dataflow : rs|google.cfg:5: architecture_presets.dataflow: unknown dataflow"
            + " 'rs' (expected one of: os, ws, is)",
        "ArrayHeight: 4|ArrayHeight: 0|google.cfg:3: architecture_presets.arrayheight: must be a"
            + " positive integer, got '0'",
        "ArrayHeight: 4|ArrayHieght: 4|google.cfg:3: unknown key 'arrayhieght' in"
            + " [architecture_presets] (did you mean 'arrayheight'?)",
        "InterfaceBandwidth: CALC|InterfaceBandwidth: FAST|google.cfg:9:"
            + " run_presets.interfacebandwidth: unknown mode 'FAST' (expected one of: CALC, USER)",
      })
  void scaleSimConfigErrorsNameFileAndLine(String from, String to, String message) {
    String cfg =
        """
        [architecture_presets]
        ArrayWidth: 4
        ArrayHeight: 4
        IfmapSramSzkB: 8
        Dataflow : ws
        FilterSramSzkB: 8
        OfmapSramSzkB: 8
        [run_presets]
        InterfaceBandwidth: CALC
        """;
    assertThatThrownBy(() -> ScaleSimConfig.parse("google.cfg", cfg.replace(from, to)))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith(message);
  }

  @Test
  void everyPresetRunsAConvNet() {
    Graph g = dev.silica.workloads.zoo.Zoo.build("alexnet");
    for (String name : Accelerators.names()) {
      AcceleratorModel m = Accelerators.create(name);
      if (!m.capabilities().contains(dev.silica.simulator.Capability.CONVOLUTION)) {
        continue; // eie-*: fully connected and recurrent layers only (EieLoweringTest)
      }
      RunResult r = SimInvariants.check(m.run(g));
      assertThat(r.isFeasible()).as(name).isTrue();
      assertThat(r.layers()).as(name).hasSize(g.nodes().size());
      assertThat(r.summary()).containsKeys("cycles", "energy_pj", "area_um2", "dram_bytes");
      assertThat(Map.copyOf(r.config())).containsEntry("name", name);
    }
  }
}
