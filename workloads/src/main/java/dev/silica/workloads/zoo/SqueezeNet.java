package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * SqueezeNet 1.0 and 1.1 (Iandola et al., "SqueezeNet: AlexNet-level accuracy with 50x fewer
 * parameters and &lt;0.5MB model size", arXiv:1602.07360; papers-inputs §8.6), as defined by {@code
 * torchvision.models.squeezenet1_0} and {@code squeezenet1_1}.
 *
 * <p>The building block is the fire module (paper §3.2): a 1×1 "squeeze" convolution with ReLU
 * feeding two "expand" convolutions, 1×1 and 3×3 pad 1, each with ReLU, whose outputs are
 * concatenated along channels. Written {@code fire(squeeze, expand1x1, expand3x3)}:
 *
 * <pre>
 * 1.0: conv1 96×7×7/2 → 109; max 3/2 → 54; fire2 (16,64,64), fire3 (16,64,64), fire4 (32,128,128);
 *      max 3/2 → 27; fire5 (32,128,128), fire6 (48,192,192), fire7 (48,192,192), fire8 (64,256,256);
 *      max 3/2 → 13; fire9 (64,256,256)
 * 1.1: conv1 64×3×3/2 → 111; max 3/2 → 55; fire2, fire3; max → 27; fire4, fire5; max → 13;
 *      fire6, fire7, fire8, fire9 (same widths as 1.0's fire2..fire9)
 * </pre>
 *
 * <p>Then the classifier: dropout 0.5, conv10 1000×1×1 with ReLU, global average pool, flatten (the
 * logits). Input {@code 1×3×224×224}. All max pools round up ({@code ceil_mode=True}). Every
 * convolution has a bias and a ReLU; there is no batch norm and no fully connected layer. 1,248,424
 * (1.0) and 1,235,496 (1.1) parameters.
 */
final class SqueezeNet {
  private SqueezeNet() {}

  static Graph squeezenet10() {
    NetBuilder n = new NetBuilder("squeezenet1_0");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.maxPoolCeil("pool1", n.convRelu("conv1", x, 96, 7, 2, 0), 3, 2, 0);
    x = fire(n, "fire2", x, 16, 64);
    x = fire(n, "fire3", x, 16, 64);
    x = fire(n, "fire4", x, 32, 128);
    x = n.maxPoolCeil("pool4", x, 3, 2, 0);
    x = fire(n, "fire5", x, 32, 128);
    x = fire(n, "fire6", x, 48, 192);
    x = fire(n, "fire7", x, 48, 192);
    x = fire(n, "fire8", x, 64, 256);
    x = n.maxPoolCeil("pool8", x, 3, 2, 0);
    x = fire(n, "fire9", x, 64, 256);
    return classifier(n, x);
  }

  static Graph squeezenet11() {
    NetBuilder n = new NetBuilder("squeezenet1_1");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.maxPoolCeil("pool1", n.convRelu("conv1", x, 64, 3, 2, 0), 3, 2, 0);
    x = fire(n, "fire2", x, 16, 64);
    x = fire(n, "fire3", x, 16, 64);
    x = n.maxPoolCeil("pool3", x, 3, 2, 0);
    x = fire(n, "fire4", x, 32, 128);
    x = fire(n, "fire5", x, 32, 128);
    x = n.maxPoolCeil("pool5", x, 3, 2, 0);
    x = fire(n, "fire6", x, 48, 192);
    x = fire(n, "fire7", x, 48, 192);
    x = fire(n, "fire8", x, 64, 256);
    x = fire(n, "fire9", x, 64, 256);
    return classifier(n, x);
  }

  /** A fire module with equal expand widths (true of every SqueezeNet 1.x module). */
  private static ValueId fire(NetBuilder n, String name, ValueId x, int squeeze, int expand) {
    ValueId s = n.convRelu(name + ".squeeze", x, squeeze, 1, 1, 0);
    ValueId e1 = n.convRelu(name + ".expand1x1", s, expand, 1, 1, 0);
    ValueId e3 = n.convRelu(name + ".expand3x3", s, expand, 3, 1, 1);
    return n.concat(name, e1, e3);
  }

  private static Graph classifier(NetBuilder n, ValueId x) {
    x = n.convRelu("conv10", n.dropout("drop", x, 0.5f), 1000, 1, 1, 0);
    return n.build(n.flatten("flatten", n.globalAvgPool("pool10", x)));
  }
}
