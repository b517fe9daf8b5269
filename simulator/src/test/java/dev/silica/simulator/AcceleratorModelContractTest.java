package dev.silica.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.simulator.energy.Action;
import dev.silica.simulator.energy.ActionCounts;
import dev.silica.simulator.energy.EnergyTable;
import dev.silica.simulator.memory.BandwidthLimiter;
import dev.silica.simulator.memory.DramChannel;
import dev.silica.simulator.memory.Sram;
import dev.silica.simulator.result.Feasibility;
import dev.silica.simulator.result.LayerResult;
import dev.silica.simulator.result.RunResult;
import dev.silica.simulator.result.SimInvariants;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Relu;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A minimal model written against the SPI the way accelerator models will be: immutable model, a
 * run object with bound memory ports, one LayerResult per node, invariants checked, listener hooks
 * in order. Its numbers are closed-form, so the test also checks the plumbing end to end.
 */
class AcceleratorModelContractTest {

  /** An ideal array of {@code pes} int8 MACs with a weight SRAM and a DRAM channel. */
  record IdealArray(int pes, long weightSramBytes, double dramBytesPerCycle)
      implements AcceleratorModel {
    @Override
    public String name() {
      return "ideal-" + pes;
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(Capability.ANALYTICAL, Capability.MATRIX_MULTIPLY);
    }

    @Override
    public Feasibility check(Graph graph) {
      for (Node n : graph.nodes()) {
        if (!(n.op() instanceof Gemm) && !(n.op() instanceof Relu)) {
          return Feasibility.infeasible(
              "layer " + n.name() + ": op " + n.op().kind() + " unsupported");
        }
        long weightBytes =
            graph.stats().nodes().stream()
                .filter(s -> s.node().equals(n.name()))
                .findFirst()
                .orElseThrow()
                .parameters();
        if (weightBytes > weightSramBytes / 2) {
          return Feasibility.infeasible(
              "layer "
                  + n.name()
                  + ": weight tile "
                  + weightBytes
                  + " B exceeds weight SRAM half "
                  + weightSramBytes / 2
                  + " B");
        }
      }
      return Feasibility.feasible();
    }

    @Override
    public RunResult run(Graph graph, RunOptions options) {
      Feasibility f = check(graph);
      if (!f.isFeasible()) {
        return RunResult.infeasible(
            graph.name(),
            name(),
            1e9,
            ((dev.silica.simulator.result.Infeasible) f).reason(),
            Map.of("pes", pes));
      }
      return new Run(graph, options).execute();
    }

    /** Per-run state: counts and bound ports live here, never in the model. */
    private final class Run {
      private final Graph graph;
      private final RunOptions options;

      Run(Graph graph, RunOptions options) {
        this.graph = graph;
        this.options = options;
      }

      RunResult execute() {
        Sram weights = new Sram("weights_sram", weightSramBytes, 64, 1, true);
        DramChannel dram = new DramChannel("dram", dramBytesPerCycle, 0);
        RunResult.Builder b =
            RunResult.builder(graph.name(), name(), 1e9).energyTables(EnergyTable.horowitz45nm());
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
          Node n = nodes.get(i);
          options.listener().onLayerStart(i, n);
          ActionCounts counts = new ActionCounts();
          long macs = graph.iterationSpace(n).macs();
          long weightBytes = graph.stats().nodes().get(i).parameters(); // int8 weights: 1 B each
          dram.bind(counts).read(weightBytes);
          weights.bind(counts).read(weightBytes);
          counts.add("pe_array", Action.mac("int8"), macs);
          long compute = Math.ceilDiv(macs, pes);
          long transfer = dram.streamCycles(weightBytes);
          // one tile per layer: the transfer cannot overlap its own compute
          BandwidthLimiter.Schedule s =
              BandwidthLimiter.doubleBufferedUniform(1, compute, transfer);
          Map<String, Long> cycles = new LinkedHashMap<>();
          cycles.put(LayerResult.COMPUTE, s.computeCycles());
          cycles.put(LayerResult.MEMORY_STALL, s.stallCycles());
          LayerResult layer = LayerResult.of(n.name(), n.op().kind(), cycles, macs, pes, counts);
          options.listener().onLayerEnd(i, layer);
          b.layer(layer);
        }
        RunResult r = SimInvariants.check(b.config(Map.of("pes", pes)).build());
        options.listener().onRunEnd(r);
        return r;
      }
    }
  }

  private static Graph mlp() {
    GraphBuilder g = new GraphBuilder("mlp");
    ValueId x = g.input("x", TensorType.f32(1, 64));
    ValueId w1 = g.parameter("fc1.weight", TensorType.f32(32, 64));
    ValueId h = g.apply("fc1", Gemm.fullyConnected(), x, w1);
    ValueId a = g.apply("relu1", new Relu(), h);
    ValueId w2 = g.parameter("fc2.weight", TensorType.f32(10, 32));
    ValueId y = g.apply("fc2", Gemm.fullyConnected(), a, w2);
    return g.output(y).build();
  }

  @Test
  void aModelRunsAGraphThroughTheSpi() {
    AcceleratorModel m = new IdealArray(16, 8192, 8);
    List<String> events = new ArrayList<>();
    SimulationListener trace =
        new SimulationListener() {
          @Override
          public void onLayerStart(int index, Node node) {
            events.add("start " + index + " " + node.name());
          }

          @Override
          public void onLayerEnd(int index, LayerResult result) {
            events.add("end " + index + " " + result.cycles());
          }

          @Override
          public void onRunEnd(RunResult result) {
            events.add("run " + result.cycles());
          }
        };
    RunResult r =
        m.run(mlp(), RunOptions.defaults().withListener(SimulationListener.all(List.of(trace))));

    // fc1: 64 x 32 = 2048 MACs -> 128 compute cycles; 2048 weight bytes at 8 B/cycle = 256 cycles
    //   before compute can start: total 256 + 128 = 384, stall 256
    // relu1: no MACs, no weights: 0 cycles
    // fc2: 32 x 10 = 320 MACs -> 20 cycles; 320 B / 8 = 40 cycles: 60 total
    assertThat(r.layer("fc1").cycles()).isEqualTo(384);
    assertThat(r.layer("fc1").cycles(LayerResult.MEMORY_STALL)).isEqualTo(256);
    assertThat(r.layer("relu1").cycles()).isZero();
    assertThat(r.layer("fc2").cycles()).isEqualTo(60);
    assertThat(r.cycles()).isEqualTo(444);
    // utilization = 2368 / (16 x 444)
    assertThat(r.utilization()).isEqualTo(2368.0 / (16 * 444));
    // energy: 2368 MACs x 0.3 + 2368 B x 8 bits x 20 pJ + weight SRAM reads (4 KiB arrays of the
    // double-buffered 8 KiB SRAM: 10 (4096/8192)^0.4765 pJ each, 2048 B / 8 B + 320 B / 8 B = 256 +
    // 40 = 296 accesses)
    double sram = 10 * Math.pow(0.5, 0.4765); // 7.187 pJ
    assertThat(r.energyPj())
        .isCloseTo(
            2368 * 0.3 + 2368 * 8 * 20.0 + 296 * sram, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(events)
        .containsExactly(
            "start 0 fc1",
            "end 0 384",
            "start 1 relu1",
            "end 1 0",
            "start 2 fc2",
            "end 2 60",
            "run 444");
    assertThat(m.capabilities()).contains(Capability.ANALYTICAL);
  }

  @Test
  void anInfeasibleGraphIsAValueNotAnException() {
    AcceleratorModel small = new IdealArray(16, 2048, 8); // SRAM half 1024 B < fc1's 2048 weights
    assertThat(small.check(mlp()))
        .isEqualTo(
            Feasibility.infeasible(
                "layer fc1: weight tile 2048 B exceeds weight SRAM half 1024 B"));
    RunResult r = small.run(mlp());
    assertThat(r.isFeasible()).isFalse();
    assertThat(SimInvariants.check(r).layers()).isEmpty();
  }
}
