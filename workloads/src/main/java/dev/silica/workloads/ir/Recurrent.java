package dev.silica.workloads.ir;

import java.util.ArrayList;
import java.util.List;

/** Shape inference shared by the recurrent ops ({@link Lstm}, {@link Gru}, {@link Rnn}). */
final class Recurrent {
  private Recurrent() {}

  /**
   * Checks {@code X[T,N,D]}, {@code Wx[D,G·H]}, {@code Wh[H,G·H]}, {@code biases} vectors of {@code
   * G·H} and optional initial states {@code [N,H]}; returns {@code Y[T,N,H]} and {@code states}
   * final states {@code [N,H]}.
   */
  static List<TensorType> infer(
      Op op, List<TensorType> in, int hidden, int gates, int biases, int states) {
    Infer.arity(op, in, 3 + biases, 3 + biases + states);
    TensorType x = in.get(0);
    Infer.rank("input", x, 3);
    Infer.floating("input", x);
    int t = x.dim(0);
    int n = x.dim(1);
    int d = x.dim(2);
    int g = gates * hidden;
    expect("Wx", in.get(1), d, g);
    expect("Wh", in.get(2), hidden, g);
    for (int i = 0; i < biases; i++) {
      Infer.vector(biases == 1 ? "b" : i == 0 ? "bx" : "bh", in.get(3 + i), g);
    }
    for (int i = 3 + biases; i < in.size(); i++) {
      expect("initial state " + (i - 3 - biases), in.get(i), n, hidden);
    }
    List<TensorType> out = new ArrayList<>();
    out.add(x.withShape(Shape.of(t, n, hidden)));
    for (int i = 0; i < states; i++) {
      out.add(x.withShape(Shape.of(n, hidden)));
    }
    return out;
  }

  private static void expect(String what, TensorType w, int rows, int cols) {
    if (w.rank() != 2 || w.dim(0) != rows || w.dim(1) != cols) {
      throw Infer.error("%s must be [%d,%d], got %s", what, rows, cols, w.shape());
    }
  }

  /**
   * Iteration space {@code T N G K}: per step and sequence the gate pre-activations {@code A[n, g]
   * += [x_t, h_{t-1}][n, k] · [Wx; Wh][k, g]} over {@code K = D + H}; MACs = {@code T·N·G·(D+H)}.
   * Gate nonlinearities and state updates count {@code opsPerGateElement} operations each.
   */
  static IterationSpace space(List<TensorType> in, int gates, int hidden, long opsPerGateElement) {
    TensorType x = in.get(0);
    long t = x.dim(0);
    long n = x.dim(1);
    long k = x.dim(2) + (long) hidden;
    long g = (long) gates * hidden;
    var proj =
        List.of(
            Infer.read("X", "t", "n", "k"),
            Infer.read("W", "k", "g"),
            Infer.update("A", "t", "n", "g"));
    return new IterationSpace(
        Infer.dims("T", t, "N", n, "G", g, "K", k),
        proj,
        t * n * g * k,
        t * n * g * opsPerGateElement);
  }
}
