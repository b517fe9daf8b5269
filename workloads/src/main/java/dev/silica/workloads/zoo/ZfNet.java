package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * ZFNet (Zeiler and Fergus, "Visualizing and Understanding Convolutional Networks", ECCV 2014,
 * arXiv:1311.2901, Fig. 3 and §5): AlexNet with a 7×7 stride-2 first layer instead of 11×11 stride
 * 4, and dense (ungrouped) convolutions, trained on one GPU.
 *
 * <p>Input {@code 1×3×224×224}. Fig. 3 gives the output sizes; the paper gives no paddings, so they
 * are chosen here to reproduce them:
 *
 * <ul>
 *   <li>conv1 96×7×7/2, <b>pad 1</b>: {@code ⌊(224 + 2 − 7)/2⌋ + 1 = 110} (pad 0 gives 109);
 *   <li>pool1 3×3/2, <b>ceil mode</b> (Caffe's rounding): {@code ⌈(110 − 3)/2⌉ + 1 = 55} (floor
 *       gives 54); then contrast normalization across maps (LRN, AlexNet's constants);
 *   <li>conv2 256×5×5/2, pad 0: {@code ⌊(55 − 5)/2⌋ + 1 = 26};
 *   <li>pool2 3×3/2, ceil mode: {@code ⌈(26 − 3)/2⌉ + 1 = 13}; LRN;
 *   <li>conv3 384, conv4 384, conv5 256, all 3×3 pad 1 over all channels → 13×13;
 *   <li>pool5 3×3/2, ceil mode (floor gives the same): 6×6×256;
 *   <li>fc6 9216 → 4096, fc7 4096 → 4096 (ReLU, dropout 0.5), fc8 4096 → 1000 logits.
 * </ul>
 *
 * <p>ReLU after every convolution and fc6/fc7. 62,357,608 parameters, 1.168G MACs.
 */
final class ZfNet {
  private ZfNet() {}

  static Graph zfnet() {
    NetBuilder n = new NetBuilder("zfnet");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.convRelu("conv1", x, 96, 7, 2, 1);
    x = n.lrn("norm1", n.maxPoolCeil("pool1", x, 3, 2, 0));
    x = n.convRelu("conv2", x, 256, 5, 2, 0);
    x = n.lrn("norm2", n.maxPoolCeil("pool2", x, 3, 2, 0));
    x = n.convRelu("conv3", x, 384, 3, 1, 1);
    x = n.convRelu("conv4", x, 384, 3, 1, 1);
    x = n.convRelu("conv5", x, 256, 3, 1, 1);
    x = n.flatten("flatten", n.maxPoolCeil("pool5", x, 3, 2, 0));
    x = n.dropout("drop6", n.linearRelu("fc6", x, 4096), 0.5f);
    x = n.dropout("drop7", n.linearRelu("fc7", x, 4096), 0.5f);
    return n.build(n.linear("fc8", x, 1000));
  }
}
