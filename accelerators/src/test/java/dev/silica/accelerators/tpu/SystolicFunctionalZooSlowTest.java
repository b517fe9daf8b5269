package dev.silica.accelerators.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every zoo model of at most {@value #MAX_MACS} MACs (the quantized reference steps one {@link
 * dev.silica.numerics.arith.Mac} call per MAC), int8 on a 32×32 weight-stationary array, equals
 * {@link QuantizedReference} bit for bit. Slow ({@code -P slow}); the fast suite covers LeNet and
 * DQN in SystolicFunctionalTest.
 */
@Tag("slow")
class SystolicFunctionalZooSlowTest {
  static final long MAX_MACS = 1_000_000_000L;

  static Stream<String> models() {
    return Zoo.names().stream().filter(n -> Zoo.build(n).stats().macs() <= MAX_MACS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void int8OutputsEqualTheQuantizedReference(String model) {
    Graph g = Zoo.build(model);
    assertThat(g.stats().macs()).isLessThanOrEqualTo(MAX_MACS);
    SystolicFunctionalTest.assertInt8Equal(
        g, SystolicFunctionalTest.config(32, 32, Dataflow.WS, OperandFormat.INT8));
  }
}
