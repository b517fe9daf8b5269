package dev.silica.workloads.ir;

import java.util.List;

/**
 * Vanilla (Elman) recurrent layer, one direction: {@code h_t = act(x_t·Wx + h_{t-1}·Wh + b)} with
 * {@code act} tanh or ReLU (CS231n lecture 10), ONNX {@code RNN}.
 *
 * <p>Operands: {@code X[T,N,D]}, {@code Wx[D,H]}, {@code Wh[H,H]}, {@code b[H]}, optional {@code
 * h0[N,H]}. Results: {@code Y[T,N,H]} and {@code Y.1 = h_T[N,H]}. MACs = {@code T·N·H·(D+H)}.
 *
 * @param hiddenSize {@code H}
 * @param activation the nonlinearity
 */
public record Rnn(int hiddenSize, Activation activation) implements Op {
  /** The nonlinearity of a vanilla RNN. */
  public enum Activation {
    TANH,
    RELU
  }

  public Rnn {
    Infer.positive("rnn", "hidden_size", hiddenSize);
    java.util.Objects.requireNonNull(activation, "activation");
  }

  @Override
  public String kind() {
    return "rnn";
  }

  @Override
  public List<TensorType> infer(List<TensorType> in) {
    return Recurrent.infer(this, in, hiddenSize, 1, 1, 1);
  }

  @Override
  public IterationSpace iterationSpace(List<TensorType> in, List<TensorType> out) {
    return Recurrent.space(in, 1, hiddenSize, 1);
  }
}
