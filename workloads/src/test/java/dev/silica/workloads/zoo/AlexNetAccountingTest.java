package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

/**
 * AlexNet, the two-tower form against the CS231n layer table of papers-inputs §8.2, and
 * torchvision's single-tower form.
 */
class AlexNetAccountingTest {
  /**
   * One row of papers-inputs §8.2: output {@code [C, H, W]} (or {@code [N]}), weights, MACs in
   * millions as printed (one decimal), LWC Table 4 FLOP in millions (2 per MAC, rounded).
   */
  private record Row(String layer, int[] out, long weights, double macsM, int lwcFlopM) {}

  // papers-inputs §8.2 (CS231n lecture 9 table [V2]; weights and MACs [D]; LWC FLOP [V])
  private static final Row[] ROWS = {
    new Row("conv1", new int[] {96, 55, 55}, 34_848, 105.4, 211),
    new Row("conv2", new int[] {256, 27, 27}, 307_200, 223.9, 448),
    new Row("conv3", new int[] {384, 13, 13}, 884_736, 149.5, 299),
    new Row("conv4", new int[] {384, 13, 13}, 663_552, 112.1, 224),
    new Row("conv5", new int[] {256, 13, 13}, 442_368, 74.8, 150),
    new Row("fc6", new int[] {4096}, 37_748_736, 37.7, 75),
    new Row("fc7", new int[] {4096}, 16_777_216, 16.8, 34),
    new Row("fc8", new int[] {1000}, 4_096_000, 4.1, 8),
  };

  @Test
  void alexnetLayerByLayer() {
    ZooLayers a = new ZooLayers("alexnet");
    for (Row r : ROWS) {
      int[] dims = new int[r.out().length + 1];
      dims[0] = 1;
      System.arraycopy(r.out(), 0, dims, 1, r.out().length);
      assertThat(a.shape(r.layer())).as(r.layer()).isEqualTo(Shape.of(dims));
      assertThat(a.weights(r.layer())).as(r.layer()).isEqualTo(r.weights());
      assertThat(a.macs(r.layer()) / 1e6).as(r.layer()).isCloseTo(r.macsM(), within(0.05));
      assertThat(Math.round(2 * a.macs(r.layer()) / 1e6)).as(r.layer()).isEqualTo(r.lwcFlopM());
    }
    // pools and norms of the §8.2 table
    assertThat(a.shape("pool1")).isEqualTo(Shape.of(1, 96, 27, 27));
    assertThat(a.shape("norm1")).isEqualTo(Shape.of(1, 96, 27, 27));
    assertThat(a.shape("pool2")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(a.shape("norm2")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(a.shape("pool5")).isEqualTo(Shape.of(1, 256, 6, 6));
  }

  @Test
  void alexnetTotals() {
    ZooLayers a = new ZooLayers("alexnet");
    // papers-inputs §8.2: 60,954,656 weights + 10,568 biases
    assertThat(a.weights("conv1", "conv2", "conv3", "conv4", "conv5", "fc6", "fc7", "fc8"))
        .isEqualTo(60_954_656L);
    assertThat(a.stats.parameters()).isEqualTo(60_954_656L + 10_568L);
    // papers-inputs §8.2: 724.4M MACs [D] (Sze: 724M for 227x227 [V2])
    assertThat(a.stats.macs()).isEqualTo(724_406_816L);
  }

  @Test
  void alexnetTorchvision() {
    ZooLayers t = new ZooLayers("alexnet-torchvision");
    assertThat(t.shape("conv1")).isEqualTo(Shape.of(1, 64, 55, 55));
    assertThat(t.shape("pool2")).isEqualTo(Shape.of(1, 192, 13, 13));
    assertThat(t.shape("pool5")).isEqualTo(Shape.of(1, 256, 6, 6));
    // torchvision alexnet: 61,100,840 parameters (papers-inputs §8.2: "61.1M params")
    assertThat(t.stats.parameters()).isEqualTo(61_100_840L);
    // papers-inputs §8.2: 714.7M MACs [V2]. Convolution and FC MACs sum to 714,188,480 [D]; the
    // 0.49M the table has on top matches its counting one operation per bias addition (494,184)
    // or per ReLU output (493,184), which are not MACs here.
    assertThat(t.stats.macs()).isEqualTo(714_188_480L);
    assertThat(t.stats.macs() / 1e6).isCloseTo(714.7, within(0.714)); // within 0.1%
  }
}
