package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.TensorType;
import org.junit.jupiter.api.Test;

/**
 * The FCN-style segmentation net (Long et al. CVPR 2015; SegNet; DeconvNet): a score map of the
 * input's size, and a parameter count that follows from the documented layers.
 */
class FcnAccountingTest {
  private final Graph g = Zoo.build("fcn");

  @Test
  void scoreMapHasTheInputsSpatialSize() {
    // 21 PASCAL VOC classes (20 + background) at every pixel of the 224x224 input (FCN §4).
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1, 21, 224, 224));
  }

  @Test
  void parametersByHandFormula() {
    // VGG-16 conv1_1..conv5_3 weights + biases: 14,714,688 (torchvision vgg16 138,357,544 minus
    // its three FC layers 102,764,544 + 16,781,312 + 4,097,000 = 123,642,856; papers-inputs §8.3).
    long encoder = 138_357_544L - 123_642_856L;
    long decoder =
        (512L * 512 * 9 + 512) // dec5_conv 3x3 512->512 + bias = 2,359,808
            + (512L * 256 * 9 + 256) // dec4_conv 3x3 512->256 + bias = 1,179,904
            + (256L * 128 * 9 + 128) // dec3_conv 3x3 256->128 + bias = 295,040
            + (128L * 64 * 4 * 4 + 64) // up2 ConvTranspose 4x4 [128,64,4,4] + bias = 131,136
            + (64L * 21 + 21) // score 1x1 64->21 + bias = 1,365
            + 21L * 21 * 4 * 4; // upscore ConvTranspose 4x4 [21,21,4,4], no bias = 7,056
    // 14,714,688 + 3,973,309 = 18,688,997 [derived]
    assertThat(encoder).isEqualTo(14_714_688L);
    assertThat(g.stats().parameters()).isEqualTo(encoder + decoder).isEqualTo(18_688_997L);
  }

  @Test
  void macsByHandFormula() {
    GraphStats s = g.stats();
    // VGG-16's 13 convolutions at 224, Σ H·W·M·C·9 = 15,346,630,656 MACs: VGG-16's 15.47 G
    // (papers-inputs §8.3 [D]) minus its FC layers' 25,088·4,096 + 4,096² + 4,096·1,000.
    long encoder = 15_470_264_320L - (25_088L * 4_096 + 4_096L * 4_096 + 4_096L * 1_000);
    long decoder =
        14L * 14 * 512 * 512 * 9 // dec5_conv
            + 28L * 28 * 256 * 512 * 9 // dec4_conv
            + 56L * 56 * 128 * 256 * 9 // dec3_conv
            + 128L * 56 * 56 * 64 * 4 * 4 // up2: C·H·W·M·R·S over the input grid
            + 112L * 112 * 21 * 64 // score
            + 21L * 112 * 112 * 21 * 4 * 4; // upscore
    assertThat(s.macs()).isEqualTo(encoder + decoder).isEqualTo(18_175_152_128L);
  }

  @Test
  void deepStagesUnpoolWithTheMatchingPoolIndicesAndShallowStagesTransposeConv() {
    for (int k = 3; k <= 5; k++) {
      Node unpool = g.node("unpool" + k);
      assertThat(unpool.op().kind()).isEqualTo("maxunpool");
      // second operand: the argmax indices of the pool at the same resolution
      assertThat(unpool.inputs().get(1)).isEqualTo(g.node("pool" + k).outputs().get(1));
    }
    assertThat(g.node("up2").op().kind()).isEqualTo("conv_transpose2d");
    assertThat(g.node("upscore").op().kind()).isEqualTo("conv_transpose2d");
    assertThat(g.type(g.node("unpool5").output())).isEqualTo(TensorType.f32(1, 512, 14, 14));
    assertThat(g.type(g.node("up2").output())).isEqualTo(TensorType.f32(1, 64, 112, 112));
  }
}
