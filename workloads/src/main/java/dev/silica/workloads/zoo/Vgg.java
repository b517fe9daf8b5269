package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * VGG-16 and VGG-19 (Simonyan and Zisserman, ICLR 2015, configurations D and E): stacks of 3×3
 * stride-1 pad-1 convolutions with ReLU, 2×2 stride-2 max pools after each stage, and three fully
 * connected layers (4096, 4096, 1000) with dropout 0.5. Input {@code 1×3×224×224}; the graph ends
 * with the logits (no softmax), as torchvision's models do.
 *
 * <p>Layer names follow the CS231n table: {@code conv1_1 .. conv5_3}, {@code pool1 .. pool5},
 * {@code fc6 .. fc8}.
 */
final class Vgg {
  private Vgg() {}

  /** Channels per stage and convolutions per stage for VGG-16 (D) and VGG-19 (E). */
  private static final int[] CHANNELS = {64, 128, 256, 512, 512};

  static Graph vgg16() {
    return build("vgg16", new int[] {2, 2, 3, 3, 3});
  }

  static Graph vgg19() {
    return build("vgg19", new int[] {2, 2, 4, 4, 4});
  }

  private static Graph build(String name, int[] convsPerStage) {
    NetBuilder n = new NetBuilder(name);
    ValueId x = n.input("image", 1, 3, 224, 224);
    for (int stage = 0; stage < 5; stage++) {
      for (int i = 1; i <= convsPerStage[stage]; i++) {
        x = n.convRelu("conv" + (stage + 1) + "_" + i, x, CHANNELS[stage], 3, 1, 1);
      }
      x = n.maxPool("pool" + (stage + 1), x, 2, 2);
    }
    x = n.flatten("flatten", x);
    x = n.dropout("drop6", n.linearRelu("fc6", x, 4096), 0.5f);
    x = n.dropout("drop7", n.linearRelu("fc7", x, 4096), 0.5f);
    return n.build(n.linear("fc8", x, 1000));
  }
}
