package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.TensorType;
import org.junit.jupiter.api.Test;

/** The 64x64 DCGAN (Radford et al. ICLR 2016) as in the PyTorch example: nz 100, ngf = ndf = 64. */
class DcganAccountingTest {
  @Test
  void generator() {
    Graph g = Zoo.build("dcgan-generator");
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1, 3, 64, 64));
    assertThat(g.type(g.node("main.deconv1").output())).isEqualTo(TensorType.f32(1, 512, 4, 4));
    long weights =
        100L * 512 * 16 // 819,200
            + 512L * 256 * 16 // 2,097,152
            + 256L * 128 * 16 // 524,288
            + 128L * 64 * 16 // 131,072
            + 64L * 3 * 16; // 3,072
    long bn = 2L * (512 + 256 + 128 + 64); // 1,920 (scale + shift)
    // PyTorch DCGAN tutorial/example netG (nz=100, ngf=64, nc=3): 3,576,704 parameters
    assertThat(g.stats().parameters()).isEqualTo(weights + bn).isEqualTo(3_576_704L);
    // MACs of a transpose conv are C_in·H_in·W_in·C_out·4·4 over the input grid [derived]:
    // 819,200 + 3 × 33,554,432 + 3,145,728
    assertThat(g.stats().macs()).isEqualTo(104_628_224L);
  }

  @Test
  void discriminator() {
    Graph g = Zoo.build("dcgan-discriminator");
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1, 1, 1, 1));
    long weights =
        3L * 64 * 16 // 3,072
            + 64L * 128 * 16 // 131,072
            + 128L * 256 * 16 // 524,288
            + 256L * 512 * 16 // 2,097,152
            + 512L * 1 * 16; // 8,192
    long bn = 2L * (128 + 256 + 512); // 1,792 (no BN after the first conv)
    // PyTorch DCGAN tutorial/example netD (ndf=64, nc=3): 2,765,568 parameters
    assertThat(g.stats().parameters()).isEqualTo(weights + bn).isEqualTo(2_765_568L);
    // 32·32·64·3·16 + 3 × 33,554,432 + 512·16 [derived]
    assertThat(g.stats().macs()).isEqualTo(103_817_216L);
  }
}
