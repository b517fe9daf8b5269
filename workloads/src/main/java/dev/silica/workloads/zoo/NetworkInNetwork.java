package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;

/**
 * Network in Network (Lin, Chen, Yan, ICLR 2014), the ImageNet model of the Caffe model zoo ({@code
 * nin_imagenet}, published there by the paper's first author): four "mlpconv" blocks, each an
 * ordinary convolution followed by two 1×1 convolutions (the paper's per-patch multilayer
 * perceptron, Caffe's {@code cccp} layers), all with ReLU, and global average pooling in place of
 * fully connected layers (paper §3.2).
 *
 * <p>Input {@code 1×3×224×224}; layer names are Caffe's:
 *
 * <pre>
 * conv1 96×11×11/4      → 54×54×96    cccp1, cccp2 96×1×1
 * pool0 max 3×3/2, ceil → 27×27×96
 * conv2 256×5×5 pad 2   → 27×27×256   cccp3, cccp4 256×1×1
 * pool2 max 3×3/2, ceil → 13×13×256
 * conv3 384×3×3 pad 1   → 13×13×384   cccp5, cccp6 384×1×1
 * pool3 max 3×3/2, ceil → 6×6×384,    dropout 0.5
 * conv4_1024 1024×3×3 pad 1 → 6×6×1024, cccp7_1024 1024×1×1, cccp8_1024 1000×1×1
 * pool4 global average  → 1×1×1000 (the class scores; no fully connected layer)
 * </pre>
 *
 * <p>Caffe pools round up; with floor rounding pool0 would give 26×26 and the rest would shrink.
 * Parameters (weights + biases), by hand: conv1 34,944; cccp1, cccp2 9,312 each; conv2 614,656;
 * cccp3, cccp4 65,792 each; conv3 885,120; cccp5, cccp6 147,840 each; conv4_1024 3,539,968;
 * cccp7_1024 1,049,600; cccp8_1024 1,025,000; total 7,595,176 (≈ 7.6M).
 */
final class NetworkInNetwork {
  private NetworkInNetwork() {}

  static Graph nin() {
    NetBuilder n = new NetBuilder("nin");
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = mlpconv(n, x, "conv1", 96, 11, 4, 0, "cccp1", "cccp2");
    x = n.maxPoolCeil("pool0", x, 3, 2, 0);
    x = mlpconv(n, x, "conv2", 256, 5, 1, 2, "cccp3", "cccp4");
    x = n.maxPoolCeil("pool2", x, 3, 2, 0);
    x = mlpconv(n, x, "conv3", 384, 3, 1, 1, "cccp5", "cccp6");
    x = n.dropout("drop", n.maxPoolCeil("pool3", x, 3, 2, 0), 0.5f);
    x = n.convRelu("conv4_1024", x, 1024, 3, 1, 1);
    x = n.convRelu("cccp7_1024", x, 1024, 1, 1, 0);
    x = n.convRelu("cccp8_1024", x, 1000, 1, 1, 0);
    return n.build(n.flatten("flatten", n.globalAvgPool("pool4", x)));
  }

  /** One mlpconv block: a k×k convolution and two 1×1 convolutions of the same width, with ReLU. */
  private static ValueId mlpconv(
      NetBuilder n,
      ValueId x,
      String conv,
      int out,
      int k,
      int s,
      int p,
      String mlp1,
      String mlp2) {
    x = n.convRelu(conv, x, out, k, s, p);
    x = n.convRelu(mlp1, x, out, 1, 1, 0);
    return n.convRelu(mlp2, x, out, 1, 1, 0);
  }
}
