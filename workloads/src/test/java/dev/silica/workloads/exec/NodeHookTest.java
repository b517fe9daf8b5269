package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeHookTest {
  @Test
  void seesEveryNodeInOrderAndCanReplaceResults() {
    Graph g = Zoo.build("lenet-300-100");
    Weights w = SeededInit.forGraph(g, 1);
    Map<ValueId, Tensor> in = SeededInit.inputs(g, 1);
    List<String> seen = new ArrayList<>();
    ReferenceExecutor.NodeHook hook =
        new ReferenceExecutor.NodeHook() {
          @Override
          public List<Tensor> compute(Graph graph, Node n, List<Tensor> inputs) {
            // the last layer is computed by the hook: all zeros
            return n.name().equals("ip3") ? List.of(Tensor.zeros(graph.type(n.output()))) : null;
          }

          @Override
          public List<Tensor> after(
              Graph graph, Node n, List<Tensor> inputs, List<Tensor> outputs) {
            seen.add(n.name());
            return outputs;
          }
        };
    try (ReferenceExecutor ex = new ReferenceExecutor(Precision.FP32, 2)) {
      Map<ValueId, Tensor> plain = ex.run(g, in, w);
      Map<ValueId, Tensor> hooked = ex.run(g, in, w, hook);
      assertThat(seen).isEqualTo(g.nodes().stream().map(Node::name).toList());
      ValueId out = g.outputs().getFirst();
      assertThat(hooked.get(out).floats()).containsOnly(0f);
      assertThat(plain.get(out).floats()).isNotEqualTo(hooked.get(out).floats());
      // a hook that changes nothing changes nothing
      Map<ValueId, Tensor> identity = ex.run(g, in, w, new ReferenceExecutor.NodeHook() {});
      assertThat(identity.get(out).floats()).containsExactly(plain.get(out).floats());
    }
  }
}
