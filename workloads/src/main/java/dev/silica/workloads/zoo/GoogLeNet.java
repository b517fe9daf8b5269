package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Lrn;
import dev.silica.workloads.ir.ValueId;
import java.util.ArrayList;
import java.util.List;

/**
 * GoogLeNet, Inception v1 (Szegedy et al., "Going deeper with convolutions", CVPR 2015,
 * arXiv:1409.4842v1, Table 1 and Fig. 3; papers-inputs §8.4).
 *
 * <p>Input {@code 1×3×224×224}. Stem: conv1 64×7×7/2 pad 3 → 112×112×64; max pool 3×3/2 → 56; LRN;
 * conv2 64×1×1 ("reduce") then 192×3×3 pad 1 → 56×56×192 (Table 1 prints these two as one row);
 * LRN; max pool 3×3/2 → 28. Then inception 3a, 3b, max pool → 14, 4a–4e, max pool → 7, 5a, 5b, 7×7
 * average pool, dropout 0.4, linear 1024 → 1000 logits. The LRN layers are Fig. 3's "LocalRespNorm"
 * with the constants of the authors' Caffe model {@code bvlc_googlenet} (size 5, α 1e-4, β 0.75, k
 * 1).
 *
 * <p>Each inception module concatenates four branches, with Table 1's widths {@code (#1×1, #3×3
 * reduce, #3×3, #5×5 reduce, #5×5, pool proj)}: a 1×1 convolution; a 1×1 reduce then 3×3 pad 1; a
 * 1×1 reduce then 5×5 pad 2; and a 3×3 stride-1 pad-1 max pool then a 1×1 projection. Every
 * convolution, reduces and projections included, has a bias and a ReLU ("All the convolutions,
 * including those inside the Inception modules, use rectified linear activation").
 *
 * <p>Pools: the stride-2 pools round up (Caffe's {@code ceil} mode, as in {@code bvlc_googlenet}),
 * which gives Table 1's 56, 28, 14 and 7 from 112 (floor rounding would give 55 after the first).
 *
 * <p>Auxiliary classifiers ({@code googlenet-aux}, §5): on the outputs of 4a and 4d, an average
 * pool 5×5/3 (→ 4×4×512 and 4×4×528), a 1×1 convolution with 128 filters and ReLU, a fully
 * connected layer of 1024 with ReLU, dropout 0.7, and a linear layer to 1000 classes. They are used
 * only in training; the graph returns them as the second and third outputs after the main logits.
 * Layer names follow Caffe's {@code bvlc_googlenet} ({@code inception3a.3x3_reduce}).
 */
final class GoogLeNet {
  private GoogLeNet() {}

  /** Table 1, per inception module: name, #1×1, #3×3 reduce, #3×3, #5×5 reduce, #5×5, pool proj. */
  private record Module(String name, int b1, int r3, int b3, int r5, int b5, int pool) {}

  private static final List<Module> STAGE3 =
      List.of(
          new Module("3a", 64, 96, 128, 16, 32, 32), new Module("3b", 128, 128, 192, 32, 96, 64));
  private static final List<Module> STAGE4 =
      List.of(
          new Module("4a", 192, 96, 208, 16, 48, 64),
          new Module("4b", 160, 112, 224, 24, 64, 64),
          new Module("4c", 128, 128, 256, 24, 64, 64),
          new Module("4d", 112, 144, 288, 32, 64, 64),
          new Module("4e", 256, 160, 320, 32, 128, 128));
  private static final List<Module> STAGE5 =
      List.of(
          new Module("5a", 256, 160, 320, 32, 128, 128),
          new Module("5b", 384, 192, 384, 48, 128, 128));

  static Graph googlenet() {
    return build("googlenet", false);
  }

  static Graph googlenetAux() {
    return build("googlenet-aux", true);
  }

  private static Graph build(String name, boolean aux) {
    NetBuilder n = new NetBuilder(name);
    ValueId x = n.input("image", 1, 3, 224, 224);
    x = n.convRelu("conv1", x, 64, 7, 2, 3);
    x = lrn(n, "norm1", n.maxPoolCeil("pool1", x, 3, 2, 0));
    x = n.convRelu("conv2_reduce", x, 64, 1, 1, 0);
    x = n.convRelu("conv2", x, 192, 3, 1, 1);
    x = n.maxPoolCeil("pool2", lrn(n, "norm2", x), 3, 2, 0);
    for (Module m : STAGE3) {
      x = inception(n, x, m);
    }
    x = n.maxPoolCeil("pool3", x, 3, 2, 0);
    List<ValueId> auxOutputs = new ArrayList<>();
    for (Module m : STAGE4) {
      x = inception(n, x, m);
      if (aux && (m.name().equals("4a") || m.name().equals("4d"))) {
        auxOutputs.add(auxiliary(n, auxOutputs.isEmpty() ? "aux1" : "aux2", x));
      }
    }
    x = n.maxPoolCeil("pool4", x, 3, 2, 0);
    for (Module m : STAGE5) {
      x = inception(n, x, m);
    }
    x = n.dropout("drop", n.avgPool("pool5", x, 7, 1, 0), 0.4f);
    List<ValueId> outputs = new ArrayList<>();
    outputs.add(n.linear("fc", n.flatten("flatten", x), 1000));
    outputs.addAll(auxOutputs);
    return n.build(outputs.toArray(ValueId[]::new));
  }

  private static ValueId lrn(NetBuilder n, String name, ValueId x) {
    return n.op(name, new Lrn(5, 1e-4f, 0.75f, 1f), x);
  }

  private static ValueId inception(NetBuilder n, ValueId x, Module m) {
    String p = "inception" + m.name() + ".";
    ValueId b1 = n.convRelu(p + "1x1", x, m.b1(), 1, 1, 0);
    ValueId b3 =
        n.convRelu(p + "3x3", n.convRelu(p + "3x3_reduce", x, m.r3(), 1, 1, 0), m.b3(), 3, 1, 1);
    ValueId b5 =
        n.convRelu(p + "5x5", n.convRelu(p + "5x5_reduce", x, m.r5(), 1, 1, 0), m.b5(), 5, 1, 2);
    ValueId b4 = n.convRelu(p + "pool_proj", n.maxPool(p + "pool", x, 3, 1, 1), m.pool(), 1, 1, 0);
    return n.concat("inception" + m.name(), b1, b3, b5, b4);
  }

  /** An auxiliary classifier (§5); returns its logits. */
  private static ValueId auxiliary(NetBuilder n, String name, ValueId x) {
    x = n.avgPool(name + ".pool", x, 5, 3, 0);
    x = n.convRelu(name + ".conv", x, 128, 1, 1, 0);
    x = n.linearRelu(name + ".fc1", n.flatten(name + ".flatten", x), 1024);
    return n.linear(name + ".fc2", n.dropout(name + ".drop", x, 0.7f), 1000);
  }
}
