package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * MobileNet v1, width 1.0, resolution 224 (Howard et al., "MobileNets: Efficient Convolutional
 * Neural Networks for Mobile Vision Applications", arXiv:1704.04861, Table 1; papers-inputs §8.7).
 *
 * <p>Input {@code 1×3×224×224}. A full 3×3 stride-2 convolution with 32 filters, then 13
 * depthwise-separable blocks: a 3×3 depthwise convolution ({@code groups = C}, pad 1) and a 1×1
 * pointwise convolution, each followed by batch norm and ReLU (paper Fig. 3). Per Table 1 the
 * blocks are, as (output channels, depthwise stride): (64,1), (128,2), (128,1), (256,2), (256,1),
 * (512,2), five times (512,1), (1024,2), (1024,1); the map shrinks 112 → 56 → 28 → 14 → 7. Then a
 * 7×7 average pool, a fully connected 1024 → 1000 with bias, and the logits.
 *
 * <p>Convolutions have no bias (batch norm supplies it). Parameters are the convolution weights,
 * the batch-norm scale and shift (γ, β; the running mean and variance are buffers) and the
 * classifier's weight and bias: 3,185,088 + 21,888 + 1,025,000 = 4,231,976. Layer names: {@code
 * conv1}/{@code bn1}, then {@code block1.dw}/{@code block1.dw_bn}/{@code block1.pw}/{@code
 * block1.pw_bn} .. {@code block13}, {@code pool}, {@code fc}.
 */
final class MobileNetV1 {
  private MobileNetV1() {}

  /** Table 1: output channels and depthwise stride of the 13 separable blocks. */
  private static final int[][] BLOCKS = {
    {64, 1}, {128, 2}, {128, 1}, {256, 2}, {256, 1}, {512, 2}, {512, 1}, {512, 1}, {512, 1},
    {512, 1}, {512, 1}, {1024, 2}, {1024, 1}
  };

  static Graph mobilenetV1() {
    NetBuilder n = new NetBuilder("mobilenet_v1");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.convBnRelu("conv1", "bn1", x, 32, 3, 2, 1);
    for (int i = 0; i < BLOCKS.length; i++) {
      String b = "block" + (i + 1);
      int c = n.dim(x, 1);
      x = n.conv(b + ".dw", x, c, 3, 3, Conv2d.of(BLOCKS[i][1], 1, c), false);
      x = n.relu(b + ".dw_relu", n.bn(b + ".dw_bn", x));
      x = n.convBnRelu(b + ".pw", b + ".pw_bn", x, BLOCKS[i][0], 1, 1, 0);
    }
    x = n.flatten("flatten", n.avgPool("pool", x, 7, 1, 0));
    return n.build(n.linear("fc", x, 1000));
  }
}
