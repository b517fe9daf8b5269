package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.MaxUnpool;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.ValueId;
import java.util.List;

/**
 * An FCN-style semantic segmentation network: a VGG-16 encoder that downsamples 32× and a decoder
 * that upsamples back to the input resolution with both kinds of learned-position upsampling the
 * seed notes list (lecture 11, "Upsampling"): max unpooling with the encoder's switch indices and
 * learnable transpose convolution. Input {@code 1×3×224×224}; output a per-pixel score map {@code
 * 1×21×224×224} (the 20 PASCAL VOC classes plus background), before any softmax.
 *
 * <h2>Structure</h2>
 *
 * <ul>
 *   <li><b>Encoder</b>: the 13 convolutions of VGG-16 (3×3, stride 1, pad 1, bias, ReLU; {@code
 *       conv1_1 .. conv5_3}) with five 2×2 stride-2 max pools {@code pool1 .. pool5} that also
 *       return their argmax indices (value {@code poolK.1}), 224 → 7.
 *   <li><b>Decoder, deep stages (max unpooling)</b>: {@code unpool5}, {@code unpool4} and {@code
 *       unpool3} put each value back where the matching pool found its maximum (SegNet's and
 *       DeconvNet's "switches"), each followed by a 3×3 convolution + ReLU ({@code dec5_conv}
 *       512→512 at 14×14, {@code dec4_conv} 512→256 at 28×28, {@code dec3_conv} 256→128 at 56×56)
 *       that densifies the sparse unpooled map. The convolutions' output channels are chosen to
 *       match the next unpool's indices (pool4 has 512 channels, pool3 256).
 *   <li><b>Decoder, shallow stages (transpose convolution)</b>: {@code up2} is a learnable 4×4
 *       stride-2 pad-1 transpose convolution 128→64 (56 → 112) + ReLU; {@code score} a 1×1
 *       convolution to 21 class scores; {@code upscore} FCN's final learnable upsampling of the
 *       scores, a 4×4 stride-2 pad-1 transpose convolution 21→21 without bias (112 → 224). The
 *       indices of pool2 and pool1 are not used.
 * </ul>
 *
 * <p>A 4×4 stride-2 pad-1 transpose convolution doubles the size exactly: {@code (H-1)·2 - 2 + 4 =
 * 2H}. FCN's own {@code upscore} layers are 4×4 stride 2 (and 16×16 stride 8 for FCN-8s),
 * bilinear-initialized and without bias; the padding here replaces FCN's final crop.
 *
 * <h2>Conventions</h2>
 *
 * Weights are PyTorch-shaped ({@code ConvTranspose2d} weight {@code [C_in, C_out, k, k]}). This is
 * a representative hybrid of the cited decoders for workload studies, not one paper's exact
 * network: the encoder is exactly VGG-16's, the decoder is ours and documented above.
 *
 * <h2>Sources</h2>
 *
 * <ol>
 *   <li>Long, Shelhamer, Darrell, "Fully Convolutional Networks for Semantic Segmentation", CVPR
 *       2015 (learnable upsampling, PASCAL VOC 21 classes).
 *   <li>Badrinarayanan, Kendall, Cipolla, "SegNet", TPAMI 2017 (max unpooling with pool indices).
 *   <li>Noh, Hong, Han, "Learning Deconvolution Network for Semantic Segmentation" (DeconvNet),
 *       ICCV 2015 (unpooling + deconvolution).
 *   <li>CS231n lecture 11 (seed notes): max unpooling and transpose convolution.
 * </ol>
 */
final class Fcn {
  private Fcn() {}

  /** PASCAL VOC: 20 object classes plus background. */
  static final int CLASSES = 21;

  private static final int[] CHANNELS = {64, 128, 256, 512, 512};
  private static final int[] CONVS_PER_STAGE = {2, 2, 3, 3, 3};

  static Graph fcn() {
    NetBuilder n = new NetBuilder("fcn");
    ValueId x = n.input("image", 1, 3, 224, 224);
    ValueId[] indices = new ValueId[5];
    for (int stage = 0; stage < 5; stage++) {
      for (int i = 1; i <= CONVS_PER_STAGE[stage]; i++) {
        x = n.convRelu("conv" + (stage + 1) + "_" + i, x, CHANNELS[stage], 3, 1, 1);
      }
      List<ValueId> pooled =
          n.graph()
              .node(
                  "pool" + (stage + 1),
                  new MaxPool(2, 2, 2, 2, Padding.NONE, false, true),
                  List.of(x));
      x = pooled.get(0);
      indices[stage] = pooled.get(1);
    }
    // Deep stages: unpool with the switches of pool5, pool4, pool3, then densify with a 3x3 conv.
    x = unpoolConv(n, "unpool5", "dec5_conv", x, indices[4], 512);
    x = unpoolConv(n, "unpool4", "dec4_conv", x, indices[3], 256);
    x = unpoolConv(n, "unpool3", "dec3_conv", x, indices[2], 128);
    // Shallow stages: learnable 2x upsampling by transpose convolution.
    x = n.relu("up2_relu", convTranspose(n, "up2", x, 64, true));
    x = n.conv("score", x, CLASSES, 1, 1, 0);
    return n.build(convTranspose(n, "upscore", x, CLASSES, false));
  }

  private static ValueId unpoolConv(
      NetBuilder n, String unpool, String conv, ValueId x, ValueId indices, int out) {
    ValueId up = n.op(unpool, MaxUnpool.of(2, 2), x, indices);
    return n.convRelu(conv, up, out, 3, 1, 1);
  }

  /** 4×4 stride-2 pad-1 transpose convolution: exactly doubles height and width. */
  private static ValueId convTranspose(
      NetBuilder n, String name, ValueId x, int out, boolean bias) {
    ValueId w = n.param(name + ".weight", n.dim(x, 1), out, 4, 4);
    ConvTranspose2d op = ConvTranspose2d.of(2, 1);
    return bias ? n.op(name, op, x, w, n.param(name + ".bias", out)) : n.op(name, op, x, w);
  }
}
