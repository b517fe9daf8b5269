package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

/**
 * SqueezeNet 1.0 and 1.1 (torchvision definitions) against papers-inputs §8.6.
 *
 * <p>MACs: the model counts convolution multiply-accumulates only, 818.9M (1.0) and 349.2M (1.1).
 * The S-ZOO figures of §8.6, 828.3M and 354.9M, are 1.1% and 1.6% higher; they come from a tool
 * that also counts some element-wise work (bias additions alone are 4.35M and 2.59M here, pooling
 * additions 4.98M and 2.97M), which this IR keeps apart as non-MAC operations. The exact mix was
 * not identified, so the check allows 2%.
 */
class SqueezeNetAccountingTest {
  @Test
  void squeezenet10() {
    ZooLayers s = new ZooLayers("squeezenet1_0");
    // torchvision squeezenet1_0: 1,248,424 parameters (papers-inputs §8.6 [V2])
    assertThat(s.stats.parameters()).isEqualTo(1_248_424L);
    // S-ZOO 828.3M MACs (papers-inputs §8.6 [V2]); measured 818,924,576
    assertThat(s.stats.macs()).isEqualTo(818_924_576L);
    assertThat(s.stats.macs() / 1e6).isCloseTo(828.3, within(0.02 * 828.3));
    // conv1 7x7/2 on 224 -> 109; ceil-mode pools 109 -> 54 -> 27 -> 13
    assertThat(s.shape("conv1")).isEqualTo(Shape.of(1, 96, 109, 109));
    assertThat(s.shape("pool1")).isEqualTo(Shape.of(1, 96, 54, 54));
    assertThat(s.shape("fire4")).isEqualTo(Shape.of(1, 256, 54, 54));
    assertThat(s.shape("pool4")).isEqualTo(Shape.of(1, 256, 27, 27));
    assertThat(s.shape("pool8")).isEqualTo(Shape.of(1, 512, 13, 13));
    assertThat(s.shape("conv10")).isEqualTo(Shape.of(1, 1000, 13, 13));
    assertThat(s.shape("flatten")).isEqualTo(Shape.of(1, 1000));
    // fire2 (96 -> 16 -> 64 + 64): 96x16 + 16 + 16x64 + 64 + 16x9x64 + 64 = 11,920 [D]
    assertThat(s.params("fire2")).isEqualTo(11_920);
  }

  @Test
  void squeezenet11() {
    ZooLayers s = new ZooLayers("squeezenet1_1");
    // torchvision squeezenet1_1: 1,235,496 parameters (the figure the zoo task quotes for
    // torchvision; papers-inputs §8.6 lists only 1.0)
    assertThat(s.stats.parameters()).isEqualTo(1_235_496L);
    // S-ZOO 354.9M MACs (papers-inputs §8.6 [V2]); measured 349,151,936
    assertThat(s.stats.macs()).isEqualTo(349_151_936L);
    assertThat(s.stats.macs() / 1e6).isCloseTo(354.9, within(0.02 * 354.9));
    // "2.4x less computation than 1.0" (1.72 vs 0.72 GFLOPS, DeepScale README, papers-inputs
    // §8.6): 2.35x here, within 2.5%
    assertThat(818_924_576.0 / s.stats.macs()).isCloseTo(2.4, within(0.06));
    // conv1 3x3/2 on 224 -> 111; ceil-mode pools 111 -> 55 -> 27 -> 13
    assertThat(s.shape("conv1")).isEqualTo(Shape.of(1, 64, 111, 111));
    assertThat(s.shape("pool1")).isEqualTo(Shape.of(1, 64, 55, 55));
    assertThat(s.shape("pool3")).isEqualTo(Shape.of(1, 128, 27, 27));
    assertThat(s.shape("pool5")).isEqualTo(Shape.of(1, 256, 13, 13));
    assertThat(s.shape("conv10")).isEqualTo(Shape.of(1, 1000, 13, 13));
  }
}
