package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * AlexNet (Krizhevsky, Sutskever, Hinton, NIPS 2012) in its two common forms.
 *
 * <h2>{@code alexnet}: the paper's two-tower network, as tabulated by CS231n</h2>
 *
 * <p>Input {@code 1×3×227×227} (the paper says 224, which does not divide: {@code (227 − 11)/4 + 1
 * = 55}, CS231n notes). Layers and order as the CS231n lecture-9 table (papers-inputs §8.2): conv1
 * 96×11×11/4 → 55×55×96, max pool 3×3/2 → 27×27×96, LRN; conv2 256×5×5 pad 2 in two groups (each
 * filter sees the 48 channels of its tower) → 27×27×256, max pool → 13×13×256, LRN; conv3 384×3×3
 * pad 1 over all 256 channels (the layer where the towers talk); conv4 384×3×3 and conv5 256×3×3,
 * pad 1, two groups each; max pool → 6×6×256; fc6 9216 → 4096, fc7 4096 → 4096 with ReLU and
 * dropout 0.5; fc8 4096 → 1000 logits. ReLU after every convolution and fc6/fc7; LRN size 5, α
 * 1e-4, β 0.75, k 2 (paper §3.3). Kernel shapes per layer are those of the paper §3.5. 60,954,656
 * weights + 10,568 biases; 724.4M MACs.
 *
 * <h2>{@code alexnet-torchvision}: the single-tower network of torchvision</h2>
 *
 * <p>{@code torchvision.models.alexnet} (after Krizhevsky's "one weird trick" single-GPU variant):
 * input {@code 1×3×224×224}; conv 64×11×11/4 pad 2 → 55×55, max pool 3/2 → 27; conv 192×5×5 pad 2,
 * max pool → 13; conv 384, 256, 256 ×3×3 pad 1, max pool → 6×6×256; no LRN, no groups; dropout, fc
 * 4096, ReLU, dropout, fc 4096, ReLU, fc 1000. Its {@code AdaptiveAvgPool2d(6)} is the identity on
 * the 6×6 map a 224 input gives and is omitted. 61,100,840 parameters.
 */
final class AlexNet {
  private AlexNet() {}

  static Graph alexnet() {
    NetBuilder n = new NetBuilder("alexnet");
    ValueId x = n.input("image", 1, 3, 227, 227);
    x = n.convRelu("conv1", x, 96, 11, 4, 0);
    x = n.lrn("norm1", n.maxPool("pool1", x, 3, 2));
    x = n.relu("conv2_relu", n.conv("conv2", x, 256, 5, 5, Conv2d.of(1, 2, 2), true));
    x = n.lrn("norm2", n.maxPool("pool2", x, 3, 2));
    x = n.convRelu("conv3", x, 384, 3, 1, 1);
    x = n.relu("conv4_relu", n.conv("conv4", x, 384, 3, 3, Conv2d.of(1, 1, 2), true));
    x = n.relu("conv5_relu", n.conv("conv5", x, 256, 3, 3, Conv2d.of(1, 1, 2), true));
    x = n.flatten("flatten", n.maxPool("pool5", x, 3, 2));
    x = n.dropout("drop6", n.linearRelu("fc6", x, 4096), 0.5f);
    x = n.dropout("drop7", n.linearRelu("fc7", x, 4096), 0.5f);
    return n.build(n.linear("fc8", x, 1000));
  }

  /** torchvision's names: {@code features.0} is conv1 and so on; here the layers are named. */
  static Graph alexnetTorchvision() {
    NetBuilder n = new NetBuilder("alexnet-torchvision");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.maxPool("pool1", n.convRelu("conv1", x, 64, 11, 4, 2), 3, 2);
    x = n.maxPool("pool2", n.convRelu("conv2", x, 192, 5, 1, 2), 3, 2);
    x = n.convRelu("conv3", x, 384, 3, 1, 1);
    x = n.convRelu("conv4", x, 256, 3, 1, 1);
    x = n.convRelu("conv5", x, 256, 3, 1, 1);
    x = n.flatten("flatten", n.maxPool("pool5", x, 3, 2));
    x = n.linearRelu("fc6", n.dropout("drop6", x, 0.5f), 4096);
    x = n.linearRelu("fc7", n.dropout("drop7", x, 0.5f), 4096);
    return n.build(n.linear("fc8", x, 1000));
  }
}
