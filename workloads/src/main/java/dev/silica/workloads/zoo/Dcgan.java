package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.Sigmoid;
import dev.silica.workloads.ir.Tanh;
import dev.silica.workloads.ir.ValueId;

/**
 * The 64×64 DCGAN generator and discriminator (Radford, Metz, Chintala, ICLR 2016), sized as in the
 * PyTorch DCGAN example and tutorial: latent size {@code nz = 100}, {@code ngf = ndf = 64}, {@code
 * nc = 3} (seed notes lecture 13, "Generative Adversarial Nets: Convolutional Architectures").
 *
 * <h2>Generator ({@code dcgan-generator})</h2>
 *
 * Input {@code z} of {@code 1×100×1×1}; output an image {@code 1×3×64×64} in [-1, 1].
 *
 * <ul>
 *   <li>{@code main.deconv1}: 4×4 transpose convolution, stride 1, pad 0, 100 → 512 (1 → 4×4), BN,
 *       ReLU.
 *   <li>{@code main.deconv2 .. main.deconv4}: 4×4 stride-2 pad-1 transpose convolutions 512 → 256 →
 *       128 → 64 (8, 16, 32), each with BN and ReLU.
 *   <li>{@code main.deconv5}: 4×4 stride-2 pad-1, 64 → 3 (64×64), Tanh.
 * </ul>
 *
 * <h2>Discriminator ({@code dcgan-discriminator})</h2>
 *
 * Input an image {@code 1×3×64×64}; output the probability {@code 1×1×1×1} that it is real.
 *
 * <ul>
 *   <li>{@code main.conv1}: 4×4 stride-2 pad-1 convolution 3 → 64 (32×32), LeakyReLU(0.2), no BN.
 *   <li>{@code main.conv2 .. main.conv4}: 4×4 stride-2 pad-1, 64 → 128 → 256 → 512 (16, 8, 4), each
 *       with BN and LeakyReLU(0.2).
 *   <li>{@code main.conv5}: 4×4 stride-1 pad-0, 512 → 1 (1×1), Sigmoid.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * No layer has a bias (the example passes {@code bias=False} everywhere; BN supplies the shift).
 * Parameters are transpose-convolution/convolution weights plus BN scale and shift; BN running
 * statistics are buffers. Transpose-convolution weights are {@code [C_in, C_out, 4, 4]} as in
 * PyTorch. Layer names replace the example's {@code main.0, main.1, ...} indices with descriptive
 * ones, since node names must not end in {@code .<digit>}.
 *
 * <h2>Sources</h2>
 *
 * <ol>
 *   <li>Radford, Metz, Chintala, "Unsupervised Representation Learning with Deep Convolutional
 *       Generative Adversarial Networks", ICLR 2016, Figure 1 and §3 (architecture guidelines).
 *   <li>PyTorch examples {@code dcgan/main.py} and the PyTorch DCGAN tutorial (layer sizes).
 * </ol>
 */
final class Dcgan {
  private Dcgan() {}

  static final int NZ = 100;
  static final int NGF = 64;
  static final int NDF = 64;
  static final int NC = 3;

  static Graph generator() {
    NetBuilder n = new NetBuilder("dcgan-generator");
    ValueId x = n.input("z", 1, NZ, 1, 1);
    x = deconvBnRelu(n, 1, x, NGF * 8, ConvTranspose2d.of(1, 0));
    x = deconvBnRelu(n, 2, x, NGF * 4, ConvTranspose2d.of(2, 1));
    x = deconvBnRelu(n, 3, x, NGF * 2, ConvTranspose2d.of(2, 1));
    x = deconvBnRelu(n, 4, x, NGF, ConvTranspose2d.of(2, 1));
    x = deconv(n, "main.deconv5", x, NC, ConvTranspose2d.of(2, 1));
    return n.build(n.op("main.tanh", new Tanh(), x));
  }

  static Graph discriminator() {
    NetBuilder n = new NetBuilder("dcgan-discriminator");
    ValueId x = n.input("image", 1, NC, 64, 64);
    x = n.conv("main.conv1", x, NDF, 4, 4, Conv2d.of(2, 1), false);
    x = n.op("main.lrelu1", new LeakyRelu(0.2f), x);
    for (int i = 2; i <= 4; i++) {
      int out = NDF << (i - 1);
      x = n.conv("main.conv" + i, x, out, 4, 4, Conv2d.of(2, 1), false);
      x = n.op("main.lrelu" + i, new LeakyRelu(0.2f), n.bn("main.bn" + i, x));
    }
    x = n.conv("main.conv5", x, 1, 4, 4, Conv2d.of(1, 0), false);
    return n.build(n.op("main.sigmoid", new Sigmoid(), x));
  }

  private static ValueId deconvBnRelu(NetBuilder n, int i, ValueId x, int out, ConvTranspose2d op) {
    ValueId y = deconv(n, "main.deconv" + i, x, out, op);
    return n.relu("main.relu" + i, n.bn("main.bn" + i, y));
  }

  /** Transpose convolution with a 4×4 kernel and no bias; weight {@code [C_in, C_out, 4, 4]}. */
  private static ValueId deconv(NetBuilder n, String name, ValueId x, int out, ConvTranspose2d op) {
    return n.op(name, op, x, n.param(name + ".weight", n.dim(x, 1), out, 4, 4));
  }
}
