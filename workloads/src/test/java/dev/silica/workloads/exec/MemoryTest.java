package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intermediate tensors are dropped once their last reader has run. */
class MemoryTest {
  @Test
  void aLongChainHoldsOnlyAFewActivationsAtOnce() {
    GraphBuilder b = new GraphBuilder("chain");
    ValueId x = b.input("x", TensorType.f32(256, 256));
    ValueId skip = b.apply("t0", new Tanh(), x);
    ValueId y = skip;
    for (int i = 1; i < 40; i++) {
      y = b.apply("t" + i, new Tanh(), y);
    }
    Graph g = b.output(b.apply("out", new Add(), y, skip)).build();
    Map<ValueId, Tensor> in = SeededInit.inputs(g, 1);
    try (ReferenceExecutor ex = new ReferenceExecutor(Precision.FP32, 1)) {
      ex.run(g, in, new Weights());
      long one = 256L * 256 * 4;
      // at most: the long-lived skip, the current operand and its result, plus the output
      assertThat(ex.peakLiveBytes()).isLessThanOrEqualTo(3 * one);
      assertThat(ex.peakLiveBytes()).isGreaterThanOrEqualTo(2 * one);
    }
  }
}
