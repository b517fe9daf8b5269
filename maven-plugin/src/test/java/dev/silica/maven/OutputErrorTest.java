package dev.silica.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.exec.Precision;
import dev.silica.workloads.exec.ReferenceExecutor;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputErrorTest {

  @Test
  void isTheLargestDifferenceOverTheLargestReferenceMagnitude() {
    // |y - r| = (0, 0.5, 0.25), max |r| = 4: 0.5 / 4 = 0.125 (an element-wise ratio would give 0.5)
    Tensor r = Tensor.of(Shape.of(3), 4f, 1f, -2f);
    Tensor y = Tensor.of(Shape.of(3), 4f, 1.5f, -2.25f);
    assertThat(OutputError.relative(y, r)).isCloseTo(0.125, within(1e-12));
    assertThat(OutputError.relative(r, r)).isZero();
  }

  @Test
  void anAllZeroReferenceGivesZeroOrInfinity() {
    Tensor zero = Tensor.of(Shape.of(2), 0f, 0f);
    assertThat(OutputError.relative(zero, zero)).isZero();
    assertThat(OutputError.relative(Tensor.of(Shape.of(2), 0f, 1e-3f), zero)).isInfinite();
  }

  @Test
  void aNanOutputIsAnInfiniteError() {
    Tensor r = Tensor.of(Shape.of(2), 1f, 2f);
    assertThat(OutputError.relative(Tensor.of(Shape.of(2), Float.NaN, 2f), r)).isInfinite();
  }

  @Test
  void comparesAgainstTheFp32RunOnTheSameSeededWeightsAndInputs() {
    Graph g = Zoo.build("lenet-300-100");
    long seed = 7;
    Map<ValueId, Tensor> fp32;
    try (ReferenceExecutor exec = new ReferenceExecutor(Precision.FP32)) {
      fp32 = exec.run(g, SeededInit.inputs(g, seed), SeededInit.forGraph(g, seed));
    }
    ValueId out = g.outputs().getFirst();
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put(out.name(), fp32.get(out));
    outputs.put("not_a_tensor", "ignored");
    assertThat(OutputError.vsFp32(g, outputs, seed)).hasValue(0.0);

    // the same outputs against another seed's reference differ
    assertThat(OutputError.vsFp32(g, outputs, seed + 1).getAsDouble()).isGreaterThan(0.0);
  }

  @Test
  void isEmptyWithoutFunctionalOutputs() {
    Graph g = Zoo.build("lenet-300-100");
    assertThat(OutputError.vsFp32(g, Map.of(), 0)).isEmpty();
  }
}
