package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

/** MobileNet v1 1.0-224 against papers-inputs §8.7. */
class MobileNetV1AccountingTest {
  private final ZooLayers m = new ZooLayers("mobilenet-v1");

  @Test
  void parameters() {
    // S-ZOO MobileNet x1.0: 4,231,976 params (papers-inputs §8.7 [V2]). The convention that gives
    // it [D]: convolution weights without bias, 3,185,088; batch-norm scale and shift, 2 x 10,944
    // channels = 21,888; classifier 1024x1000 + 1000 = 1,025,000. Running means and variances
    // (another 21,888) are buffers, not parameters.
    long conv = m.weights("conv1");
    long bn = m.params("bn1");
    for (int i = 1; i <= 13; i++) {
      conv += m.weights("block" + i + ".dw", "block" + i + ".pw");
      bn += m.params("block" + i + ".dw_bn", "block" + i + ".pw_bn");
    }
    assertThat(conv).isEqualTo(3_185_088L);
    assertThat(bn).isEqualTo(21_888L);
    assertThat(m.params("fc")).isEqualTo(1_025_000L);
    assertThat(m.stats.parameters()).isEqualTo(conv + bn + 1_025_000L).isEqualTo(4_231_976L);
    assertThat(m.stats.buffers()).isEqualTo(21_888L);
  }

  @Test
  void macs() {
    // Paper Table 1 / papers-inputs §8.7: 569M mult-adds. Measured [D]: 568,740,352.
    assertThat(m.stats.macs()).isEqualTo(568_740_352L);
    assertThat(Math.round(m.stats.macs() / 1e6)).isEqualTo(569);
    // S-ZOO 573.83M (papers-inputs §8.7 [V2]) = the MACs above + one per batch-norm output element
    // (5,042,688) + the 7x7 average pool's 50,176 input additions = 573,833,216
    long s = m.stats.macs() + m.outputElements("batchnorm") + 7 * 7 * 1024;
    assertThat(s).isEqualTo(573_833_216L);
  }

  @Test
  void shapes() {
    // Table 1: 112x112x32 -> 112x112x64 -> 56x56x128 -> 28x28x256 -> 14x14x512 -> 7x7x1024
    assertThat(m.shape("conv1")).isEqualTo(Shape.of(1, 32, 112, 112));
    assertThat(m.shape("block1.pw")).isEqualTo(Shape.of(1, 64, 112, 112));
    assertThat(m.shape("block3.pw")).isEqualTo(Shape.of(1, 128, 56, 56));
    assertThat(m.shape("block5.pw")).isEqualTo(Shape.of(1, 256, 28, 28));
    assertThat(m.shape("block11.pw")).isEqualTo(Shape.of(1, 512, 14, 14));
    assertThat(m.shape("block13.pw")).isEqualTo(Shape.of(1, 1024, 7, 7));
    assertThat(m.shape("pool")).isEqualTo(Shape.of(1, 1024, 1, 1));
    assertThat(m.shape("fc")).isEqualTo(Shape.of(1, 1000));
  }
}
