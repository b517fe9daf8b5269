package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * The ResNet family as torchvision builds it: ResNet-18/34 (basic blocks), ResNet-50/101/152
 * (bottleneck blocks), Wide ResNet-50-2 and ResNeXt-50 32x4d. Input {@code 1×3×224×224}; the graph
 * ends with the 1000 logits (no softmax).
 *
 * <h2>Architecture</h2>
 *
 * He et al., "Deep Residual Learning for Image Recognition", CVPR 2016, Table 1 (papers-inputs
 * §8.5): a stem {@code conv1} 7×7/2 pad 3 (64, no bias) + BN + ReLU and a 3×3/2 pad 1 max pool
 * (112×112 → 56×56), four stages {@code layer1 .. layer4} (the paper's conv2_x .. conv5_x) at
 * 56/28/14/7 pixels, global average pooling, flatten and a 1000-way fully connected layer with
 * bias. Blocks per stage: 2-2-2-2 (18), 3-4-6-3 (34, 50), 3-4-23-3 (101), 3-8-36-3 (152).
 *
 * <ul>
 *   <li><b>Basic block</b> (18, 34; expansion 1): 3×3 conv + BN + ReLU, 3×3 conv + BN, add the
 *       shortcut, ReLU.
 *   <li><b>Bottleneck</b> (50, 101, 152; expansion 4): 1×1 conv to {@code width} + BN + ReLU, 3×3
 *       conv ({@code width}, {@code groups}) + BN + ReLU, 1×1 conv to {@code 4·planes} + BN, add,
 *       ReLU. {@code width = planes · (widthPerGroup / 64) · groups}: {@code planes} for ResNet,
 *       {@code 2·planes} for Wide ResNet-50-2 (Zagoruyko and Komodakis, BMVC 2016, as torchvision
 *       adapts it), {@code planes/64·4·32 = 2·planes} in 32 groups for ResNeXt-50 32x4d (Xie et
 *       al., CVPR 2017, Table 1).
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * <ul>
 *   <li><b>Stride placement</b>: torchvision's "ResNet v1.5" puts the stride 2 of the first block
 *       of {@code layer2 .. layer4} on the 3×3 convolution, not on the first 1×1 as the paper's
 *       Caffe model does. The parameter count is the same; the MACs grow, for ResNet-50 from the
 *       paper's 3.8 G to about 4.1 G, because the first 1×1 runs at full resolution. Basic blocks
 *       have the stride on their first 3×3 either way.
 *   <li><b>Shortcuts</b>: identity, except where the shape changes (stride 2 or a different channel
 *       count, which includes the first block of every bottleneck network's {@code layer1}): then a
 *       projection, 1×1 conv with the block's stride (no bias) + BN (the paper's option B).
 *   <li>Every convolution except {@code fc} is bias-free and followed by batch norm (ε 1e-5);
 *       running statistics are buffers, not parameters, as in torchvision's counts.
 * </ul>
 *
 * <h2>Names</h2>
 *
 * Node names follow torchvision's state dict with the block index written {@code b0, b1, ..} so
 * that no node name ends in {@code .<digit>}: {@code conv1}, {@code bn1}, {@code maxpool}, {@code
 * layer1.b0.conv1}, {@code layer1.b0.bn1}, {@code layer1.b0.relu1}, {@code
 * layer1.b0.downsample_conv}, {@code layer1.b0.downsample_bn}, {@code layer1.b0.add}, {@code
 * layer1.b0.relu}, {@code avgpool}, {@code flatten}, {@code fc}.
 */
final class ResNet {
  private ResNet() {}

  /** Output channels of the 3×3 layers of the basic block ({@code planes}) per stage. */
  private static final int[] PLANES = {64, 128, 256, 512};

  static Graph resnet18() {
    return basic("resnet18", new int[] {2, 2, 2, 2});
  }

  static Graph resnet34() {
    return basic("resnet34", new int[] {3, 4, 6, 3});
  }

  static Graph resnet50() {
    return bottleneck("resnet50", new int[] {3, 4, 6, 3}, 1, 64);
  }

  static Graph resnet101() {
    return bottleneck("resnet101", new int[] {3, 4, 23, 3}, 1, 64);
  }

  static Graph resnet152() {
    return bottleneck("resnet152", new int[] {3, 8, 36, 3}, 1, 64);
  }

  /** Wide ResNet-50-2: ResNet-50 with the bottleneck width doubled (width per group 128). */
  static Graph wideResnet50x2() {
    return bottleneck("wide_resnet50_2", new int[] {3, 4, 6, 3}, 1, 128);
  }

  /** ResNeXt-50 32x4d: 32 groups of width 4 (at {@code planes = 64}) in each 3×3 conv. */
  static Graph resnext50x32x4d() {
    return bottleneck("resnext50_32x4d", new int[] {3, 4, 6, 3}, 32, 4);
  }

  private static Graph basic(String name, int[] blocks) {
    NetBuilder n = new NetBuilder(name);
    ValueId x = stem(n);
    for (int stage = 0; stage < 4; stage++) {
      for (int b = 0; b < blocks[stage]; b++) {
        int stride = stage > 0 && b == 0 ? 2 : 1;
        x = basicBlock(n, "layer" + (stage + 1) + ".b" + b, x, PLANES[stage], stride);
      }
    }
    return head(n, x);
  }

  private static Graph bottleneck(String name, int[] blocks, int groups, int widthPerGroup) {
    NetBuilder n = new NetBuilder(name);
    ValueId x = stem(n);
    for (int stage = 0; stage < 4; stage++) {
      for (int b = 0; b < blocks[stage]; b++) {
        int stride = stage > 0 && b == 0 ? 2 : 1;
        String block = "layer" + (stage + 1) + ".b" + b;
        x = bottleneckBlock(n, block, x, PLANES[stage], stride, groups, widthPerGroup);
      }
    }
    return head(n, x);
  }

  /** conv1 7×7/2 pad 3 + BN + ReLU, max pool 3×3/2 pad 1: 224 → 112 → 56. */
  private static ValueId stem(NetBuilder n) {
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.relu("relu", n.bn("bn1", n.convNoBias("conv1", x, 64, 7, 2, 3)));
    return n.maxPool("maxpool", x, 3, 2, 1);
  }

  /** Global average pool, flatten, fc 1000 (with bias). */
  private static Graph head(NetBuilder n, ValueId x) {
    x = n.flatten("flatten", n.globalAvgPool("avgpool", x));
    return n.build(n.linear("fc", x, 1000));
  }

  private static ValueId basicBlock(NetBuilder n, String p, ValueId x, int planes, int stride) {
    ValueId y =
        n.relu(p + ".relu1", n.bn(p + ".bn1", n.convNoBias(p + ".conv1", x, planes, 3, stride, 1)));
    y = n.bn(p + ".bn2", n.convNoBias(p + ".conv2", y, planes, 3, 1, 1));
    return n.relu(p + ".relu", n.add(p + ".add", y, shortcut(n, p, x, planes, stride)));
  }

  private static ValueId bottleneckBlock(
      NetBuilder n, String p, ValueId x, int planes, int stride, int groups, int widthPerGroup) {
    // torchvision Bottleneck: width = int(planes * (base_width / 64.)) * groups
    int width = planes * widthPerGroup / 64 * groups;
    int out = planes * 4;
    ValueId y =
        n.relu(p + ".relu1", n.bn(p + ".bn1", n.convNoBias(p + ".conv1", x, width, 1, 1, 0)));
    // v1.5: the stride sits on the 3x3 convolution.
    y = n.conv(p + ".conv2", y, width, 3, 3, Conv2d.of(stride, 1, groups), false);
    y = n.relu(p + ".relu2", n.bn(p + ".bn2", y));
    y = n.bn(p + ".bn3", n.convNoBias(p + ".conv3", y, out, 1, 1, 0));
    return n.relu(p + ".relu", n.add(p + ".add", y, shortcut(n, p, x, out, stride)));
  }

  /** Identity, or a 1×1 strided projection + BN when the block changes the shape. */
  private static ValueId shortcut(NetBuilder n, String p, ValueId x, int out, int stride) {
    if (stride == 1 && n.dim(x, 1) == out) {
      return x;
    }
    return n.bn(p + ".downsample_bn", n.convNoBias(p + ".downsample_conv", x, out, 1, stride, 0));
  }
}
