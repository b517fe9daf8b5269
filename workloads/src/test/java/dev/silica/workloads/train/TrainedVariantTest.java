package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stored weight widths of the committed retrained models as Pareto variants. */
class TrainedVariantTest {
  private static Path resource(String name) throws Exception {
    return Path.of(TrainedVariantTest.class.getResource(name).toURI());
  }

  @Test
  void ttqModelStoresTwoBitWeights() throws Exception {
    // TTQ layers hold exactly {-Wn, 0, +Wp} (TtqFixtureTest): 3 values need ceil(log2 3) = 2 bits.
    HardwareVariants.Variant v =
        HardwareVariants.trained(
            "ttq", TrainableGraph.load(resource("lenet5-fashion-mnist-ttq.onnx")));
    assertThat(v.weightBits()).isEqualTo(2);
    assertThat(v.arithmetic()).isEqualTo("fp32");
  }

  @Test
  void deepCompressionModelStoresAtMostSixBitWeights() throws Exception {
    // 5-bit sharing: at most 32 centroids plus the pruned zero, so 5 or 6 index bits.
    HardwareVariants.Variant v =
        HardwareVariants.trained(
            "dc", TrainableGraph.load(resource("lenet5-fashion-mnist-dc.onnx")));
    assertThat(v.weightBits()).isBetween(5, 6);
  }

  @Test
  void fp32ModelStoresThirtyTwoBitWeights() throws Exception {
    // LeNet-5's F6 has 10,080 weights of which nearly all differ: more than 2^13 distinct values,
    // so at least 14 bits; the rule caps dense tensors only above 2^16 values.
    HardwareVariants.Variant v =
        HardwareVariants.trained(
            "fp32", TrainableGraph.load(resource("lenet5-fashion-mnist.onnx")));
    assertThat(v.weightBits()).isGreaterThanOrEqualTo(14);
  }
}
