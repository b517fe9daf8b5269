package dev.silica.workloads.ir;

import java.util.List;

/**
 * Gated recurrent unit, one direction, ONNX {@code GRU} gate order {@code z, r, n}: {@code z =
 * σ(x·Wx_z + bx_z + h·Wh_z + bh_z)}, {@code r = σ(x·Wx_r + bx_r + h·Wh_r + bh_r)}, {@code n =
 * tanh(x·Wx_n + bx_n + r ⊙ (h·Wh_n + bh_n))} (with {@code linearBeforeReset}, as PyTorch) or {@code
 * n = tanh(x·Wx_n + bx_n + (r ⊙ h)·Wh_n + bh_n)} (without), and {@code h_t = (1 - z) ⊙ n + z ⊙
 * h_{t-1}}.
 *
 * <p>Operands: {@code X[T,N,D]}, {@code Wx[D,3H]}, {@code Wh[H,3H]}, {@code bx[3H]}, {@code
 * bh[3H]}, optional {@code h0[N,H]}. Results: {@code Y[T,N,H]} and {@code Y.1 = h_T[N,H]}.
 *
 * <p>MACs = {@code T·N·3H·(D+H)}.
 *
 * @param hiddenSize {@code H}
 * @param linearBeforeReset apply the reset gate after the recurrent product
 */
public record Gru(int hiddenSize, boolean linearBeforeReset) implements Op {
  public Gru {
    Infer.positive("gru", "hidden_size", hiddenSize);
  }

  @Override
  public String kind() {
    return "gru";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Recurrent.infer(this, in, hiddenSize, 3, 2, 1);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return Recurrent.space(in, 3, hiddenSize, 3);
  }
}
