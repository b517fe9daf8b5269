package dev.silica.workloads.exec;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test helper: runs one op on given tensors (every operand a graph input), and random data. */
final class OneOp {
  private OneOp() {}

  static Graph graph(Op op, Tensor... xs) {
    GraphBuilder b = new GraphBuilder("one_op");
    List<ValueId> ids = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      ids.add(b.input("x" + i, xs[i].type()));
    }
    List<ValueId> outs = b.node("op", op, ids);
    b.output(outs.toArray(ValueId[]::new));
    return b.build();
  }

  static List<Tensor> run(Op op, Precision p, int threads, Tensor... xs) {
    Graph g = graph(op, xs);
    Map<ValueId, Tensor> in = new LinkedHashMap<>();
    for (int i = 0; i < xs.length; i++) {
      in.put(new ValueId("x" + i), xs[i]);
    }
    try (ReferenceExecutor ex = new ReferenceExecutor(p, threads)) {
      return new ArrayList<>(ex.run(g, in, new Weights()).values());
    }
  }

  static Tensor fp32(Op op, Tensor... xs) {
    return run(op, Precision.FP32, 2, xs).getFirst();
  }

  static Tensor fp64(Op op, Tensor... xs) {
    return run(op, Precision.FP64, 2, xs).getFirst();
  }

  /** Uniform {@code [-1, 1)} f32 data. */
  static Tensor random(SplittableRandom rng, int... dims) {
    int n = 1;
    for (int d : dims) {
      n *= d;
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return Tensor.of(dev.silica.workloads.ir.Shape.of(dims), f);
  }

  static Tensor f32(int[] dims, float... v) {
    return Tensor.of(dev.silica.workloads.ir.Shape.of(dims), v);
  }

  static int[] dims(int... d) {
    return d;
  }

  /** {@code max|a - ref| / max|ref|}: the normwise relative error. */
  static double normwise(Tensor a, Tensor ref) {
    double scale = 0;
    for (int i = 0; i < ref.size(); i++) {
      scale = Math.max(scale, Math.abs(ref.getDouble(i)));
    }
    return a.maxAbsDiff(ref) / Math.max(scale, Double.MIN_NORMAL);
  }
}
