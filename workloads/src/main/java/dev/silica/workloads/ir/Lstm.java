package dev.silica.workloads.ir;

import java.util.List;

/**
 * Long short-term memory layer, one direction, with the gate convention of the seed notes (CS231n
 * lecture 10): {@code A = x_t·Wx + h_{t-1}·Wh + b} with {@code Wx ∈ R^{D×4H}}, {@code Wh ∈
 * R^{H×4H}}, {@code b ∈ R^{4H}}, split into gates in the order {@code i, f, o, g}; {@code i, f, o =
 * σ(A_i), σ(A_f), σ(A_o)}, {@code g = tanh(A_g)}, {@code c_t = f ⊙ c_{t-1} + i ⊙ g}, {@code h_t = o
 * ⊙ tanh(c_t)}. ONNX import maps ONNX's order (i, o, f, c) and its two biases onto this.
 *
 * <p>Operands: {@code X[T,N,D]} (sequence-major), {@code Wx[D,4H]}, {@code Wh[H,4H]}, {@code
 * b[4H]}, optional {@code h0[N,H]} and {@code c0[N,H]} (zeros when absent). Results: {@code
 * Y[T,N,H]} (every hidden state), {@code Y.1 = h_T[N,H]} and {@code Y.2 = c_T[N,H]}.
 *
 * <p>MACs = {@code T·N·4H·(D+H)}; parameters {@code 4H·(D+H) + 4H}.
 *
 * @param hiddenSize {@code H}
 */
public record Lstm(int hiddenSize) implements Op {
  public Lstm {
    Infer.positive("lstm", "hidden_size", hiddenSize);
  }

  @Override
  public String kind() {
    return "lstm";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Recurrent.infer(this, in, hiddenSize, 4, 1, 2);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return Recurrent.space(in, 4, hiddenSize, 3);
  }
}
