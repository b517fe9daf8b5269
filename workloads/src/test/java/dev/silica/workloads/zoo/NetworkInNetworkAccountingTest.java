package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

/** Network in Network (Caffe model zoo nin_imagenet) against hand-derived counts. */
class NetworkInNetworkAccountingTest {
  private final ZooLayers nin = new ZooLayers("nin");

  @Test
  void shapes() {
    // conv1 11x11/4 on 224: (224 - 11)/4 + 1 = 54; ceil-mode pools 54 -> 27 -> 13 -> 6
    assertThat(nin.shape("cccp2")).isEqualTo(Shape.of(1, 96, 54, 54));
    assertThat(nin.shape("pool0")).isEqualTo(Shape.of(1, 96, 27, 27));
    assertThat(nin.shape("cccp4")).isEqualTo(Shape.of(1, 256, 27, 27));
    assertThat(nin.shape("pool2")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(nin.shape("cccp6")).isEqualTo(Shape.of(1, 384, 13, 13));
    assertThat(nin.shape("pool3")).isEqualTo(Shape.of(1, 384, 6, 6));
    assertThat(nin.shape("cccp8_1024")).isEqualTo(Shape.of(1, 1000, 6, 6));
    assertThat(nin.shape("flatten")).isEqualTo(Shape.of(1, 1000));
  }

  @Test
  void parameters() {
    // By hand, weights + biases:
    //   conv1 96x3x11x11 + 96 = 34,944      cccp1, cccp2 96x96 + 96 = 9,312 each
    //   conv2 256x96x5x5 + 256 = 614,656    cccp3, cccp4 256x256 + 256 = 65,792 each
    //   conv3 384x256x3x3 + 384 = 885,120   cccp5, cccp6 384x384 + 384 = 147,840 each
    //   conv4_1024 1024x384x3x3 + 1024 = 3,539,968
    //   cccp7_1024 1024x1024 + 1024 = 1,049,600   cccp8_1024 1000x1024 + 1000 = 1,025,000
    //   total 7,595,176 (about 7.6M)
    assertThat(nin.params("conv1", "cccp1", "cccp2")).isEqualTo(34_944 + 2 * 9_312);
    assertThat(nin.params("conv2", "cccp3", "cccp4")).isEqualTo(614_656 + 2 * 65_792);
    assertThat(nin.params("conv3", "cccp5", "cccp6")).isEqualTo(885_120 + 2 * 147_840);
    assertThat(nin.params("conv4_1024")).isEqualTo(3_539_968);
    assertThat(nin.params("cccp7_1024")).isEqualTo(1_049_600);
    assertThat(nin.params("cccp8_1024")).isEqualTo(1_025_000);
    assertThat(nin.stats.parameters()).isEqualTo(7_595_176L);
  }

  @Test
  void macs() {
    // [D] regression oracle: 54²x96x363 + 2x54²x96² + 27²x256x2400 + 2x27²x256² + 13²x384x2304
    // + 2x13²x384² + 6²x1024x3456 + 6²x1024² + 6²x1000x1024 = 1,100,188,800
    assertThat(nin.stats.macs()).isEqualTo(1_100_188_800L);
  }
}
