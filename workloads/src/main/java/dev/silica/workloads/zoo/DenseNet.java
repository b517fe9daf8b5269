package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * DenseNet-121 as torchvision builds it (Huang et al., "Densely Connected Convolutional Networks",
 * CVPR 2017, Table 1, DenseNet-BC with growth rate k = 32). Input {@code 1×3×224×224}; the graph
 * ends with the 1000 logits (no softmax).
 *
 * <h2>Architecture</h2>
 *
 * <ul>
 *   <li><b>Stem</b>: {@code conv0} 7×7/2 pad 3 to 64 channels (no bias) + BN + ReLU, 3×3/2 pad 1
 *       max pool: 224 → 112 → 56.
 *   <li><b>Dense blocks</b> of 6, 12, 24 and 16 layers at 56, 28, 14 and 7 pixels. A dense layer is
 *       BN-ReLU-conv 1×1 to {@code bn_size · k = 4 · 32 = 128} channels, BN-ReLU-conv 3×3 pad 1 to
 *       {@code k = 32}; its input is the concatenation of the block input and every earlier layer's
 *       32 new channels, so a block that starts with {@code c} channels ends with {@code c + 32·L}.
 *   <li><b>Transitions</b> (compression θ = 0.5) after blocks 1-3: BN-ReLU-conv 1×1 to half the
 *       channels, 2×2/2 average pool. Channels: 64 → 256 → 128 → 512 → 256 → 1024 → 512 → 1024.
 *   <li><b>Head</b>: {@code norm5} BN + ReLU, global average pool, flatten, {@code classifier} fc
 *       1024 → 1000 with bias.
 * </ul>
 *
 * All convolutions are bias-free; BN running statistics are buffers, not parameters.
 *
 * <h2>Concatenation and activation memory</h2>
 *
 * Each dense layer appends its 32 channels to the running feature map with a {@code Concat} node
 * ({@code denseblockB.denselayerL.concat}), so the graph holds one concatenation per layer, as a
 * framework without memory sharing (torchvision's {@code torch.cat} in every layer) does. {@link
 * dev.silica.workloads.ir.GraphStats#activationValues()} therefore counts every concatenated map in
 * full, and also the BN result that each layer computes from it: the total grows quadratically with
 * the layers of a block. That is the naive memory DenseNet is known for (Pleiss et al.,
 * "Memory-Efficient Implementation of DenseNets", 2017), not the shared buffer an optimized
 * implementation would use.
 *
 * <h2>Names</h2>
 *
 * torchvision's state-dict names without the {@code features.} prefix: {@code conv0}, {@code
 * norm0}, {@code relu0}, {@code pool0}, {@code denseblock1.denselayer1.norm1} .. {@code .conv2},
 * {@code transition1.norm}, {@code transition1.conv}, {@code transition1.pool}, {@code norm5},
 * {@code classifier}.
 */
final class DenseNet {
  private DenseNet() {}

  private static final int GROWTH = 32;
  private static final int BN_SIZE = 4;

  static Graph densenet121() {
    return build("densenet121", new int[] {6, 12, 24, 16}, 64);
  }

  private static Graph build(String name, int[] layers, int initFeatures) {
    NetBuilder n = new NetBuilder(name);
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.relu("relu0", n.bn("norm0", n.convNoBias("conv0", x, initFeatures, 7, 2, 3)));
    x = n.maxPool("pool0", x, 3, 2, 1);
    for (int b = 0; b < layers.length; b++) {
      String block = "denseblock" + (b + 1);
      for (int l = 1; l <= layers[b]; l++) {
        String p = block + ".denselayer" + l;
        ValueId y = n.relu(p + ".relu1", n.bn(p + ".norm1", x));
        y = n.convNoBias(p + ".conv1", y, BN_SIZE * GROWTH, 1, 1, 0);
        y = n.relu(p + ".relu2", n.bn(p + ".norm2", y));
        y = n.convNoBias(p + ".conv2", y, GROWTH, 3, 1, 1);
        x = n.concat(p + ".concat", x, y);
      }
      if (b < layers.length - 1) {
        String t = "transition" + (b + 1);
        ValueId y = n.relu(t + ".relu", n.bn(t + ".norm", x));
        y = n.convNoBias(t + ".conv", y, n.dim(x, 1) / 2, 1, 1, 0);
        x = n.avgPool(t + ".pool", y, 2, 2, 0);
      }
    }
    x = n.relu("relu5", n.bn("norm5", x));
    x = n.flatten("flatten", n.globalAvgPool("avgpool", x));
    return n.build(n.linear("classifier", x, 1000));
  }
}
