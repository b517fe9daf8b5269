package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Gru;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.OneHot;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Rnn;
import dev.silica.workloads.ir.ValueId;

/**
 * Character-level language models in the manner of Karpathy's char-rnn (CS231n lecture 10,
 * "Character-level Language Model"; {@code karpathy/char-rnn} {@code model/LSTM.lua}, {@code
 * GRU.lua}, {@code RNN.lua}): a stack of recurrent layers reads one character per time step and a
 * fully connected decoder predicts the next character at every step.
 *
 * <h2>Structure</h2>
 *
 * <ol>
 *   <li><b>Input.</b> Character indices {@code chars[T, N]} ({@code i64}, sequence-major), {@code T
 *       = 100}, {@code N = 1}.
 *   <li><b>One-hot.</b> char-rnn feeds the first layer a one-hot vector ({@code OneHot(vocab)}), so
 *       {@code D = V}. Here that is the {@link OneHot} op (ONNX {@code OneHot}), which adds no
 *       parameters, as in char-rnn.
 *   <li><b>Recurrent stack.</b> {@code layers} recurrent layers of {@code H} units ({@code lstm1},
 *       {@code lstm2}, or {@code gru1}, {@code rnn1} ...); layer 1 reads {@code D = V}, the others
 *       {@code D = H}. Initial states are zero.
 *   <li><b>Decoder.</b> {@code Y[T, N, H]} of the top layer is viewed as {@code [T·N, H]} and a
 *       fully connected layer ({@code decoder}, weight {@code [V, H]}, bias {@code [V]}) gives the
 *       logits {@code [T·N, V]} of every step. char-rnn ends with {@code LogSoftMax}; the zoo ends
 *       with logits, like its classifiers.
 * </ol>
 *
 * <h2>Parameter conventions against char-rnn</h2>
 *
 * <ul>
 *   <li><b>LSTM</b> ({@link Lstm}): {@code Wx[D,4H]}, {@code Wh[H,4H]}, one bias {@code b[4H]},
 *       gates {@code i, f, o, g}. char-rnn's {@code LSTM.lua} has the same gate order ({@code
 *       in_gate, forget_gate, out_gate, in_transform}) and one bias per layer (its {@code h2h}
 *       linear is built without bias), so a layer holds {@code 4H(D+H) + 4H} in both.
 *   <li><b>GRU</b> ({@link Gru}, ONNX order {@code z, r, n}, reset applied before the recurrent
 *       product as in char-rnn's {@code GRU.lua}, so {@code linearBeforeReset = false}): {@code
 *       3H(D+H) + 6H}, as char-rnn's six biased linears.
 *   <li><b>Vanilla RNN</b> ({@link Rnn}, tanh): {@code H(D+H) + H}. char-rnn's {@code RNN.lua} has
 *       biases on both {@code i2h} and {@code h2h}, {@code H} more per layer; the two biases only
 *       ever appear as their sum, so the single bias here computes the same function.
 * </ul>
 *
 * <p>MACs per layer are {@code T·N·G·H·(D+H)} with {@code G} = 4, 3, 1 gates, plus {@code T·N·H·V}
 * for the decoder.
 */
final class CharRnn {
  private CharRnn() {}

  /** The tiny-shakespeare character vocabulary (nanoGPT's {@code shakespeare_char}: 65). */
  static final int VOCAB = 65;

  /** Hidden units per layer, layers, and unrolled steps of the zoo's models. */
  static final int HIDDEN = 512;

  static final int LAYERS = 2;
  static final int STEPS = 100;

  /** The recurrent cell of a layer. */
  enum Cell {
    LSTM,
    GRU,
    RNN
  }

  static Graph charLstm() {
    return build("char_lstm", Cell.LSTM, VOCAB, HIDDEN, LAYERS, STEPS, 1);
  }

  static Graph gruLm() {
    return build("gru_lm", Cell.GRU, VOCAB, HIDDEN, LAYERS, STEPS, 1);
  }

  static Graph rnnLm() {
    return build("rnn_lm", Cell.RNN, VOCAB, HIDDEN, LAYERS, STEPS, 1);
  }

  /**
   * A char-rnn model of any size.
   *
   * @param vocab characters {@code V}
   * @param hidden units per layer {@code H}
   * @param layers stacked recurrent layers
   * @param steps unrolled time steps {@code T}
   * @param batch sequences {@code N}
   */
  static Graph build(
      String name, Cell cell, int vocab, int hidden, int layers, int steps, int batch) {
    NetBuilder n = new NetBuilder(name);
    ValueId chars = n.indexInput("chars", steps, batch);
    ValueId x = n.op("onehot", new OneHot(vocab), chars);
    for (int l = 1; l <= layers; l++) {
      x = recurrent(n, cell, cell.name().toLowerCase(java.util.Locale.ROOT) + l, x, hidden);
    }
    x = n.op("flatten_steps", Reshape.of(steps * batch, hidden), x);
    return n.build(n.linear("decoder", x, vocab));
  }

  /** One recurrent layer over the whole sequence; returns {@code Y[T, N, H]}. */
  private static ValueId recurrent(NetBuilder n, Cell cell, String name, ValueId x, int h) {
    int d = n.dim(x, 2);
    return switch (cell) {
      case LSTM ->
          n.op(
              name,
              new Lstm(h),
              x,
              n.param(name + ".Wx", d, 4 * h),
              n.param(name + ".Wh", h, 4 * h),
              n.param(name + ".b", 4 * h));
      case GRU ->
          n.op(
              name,
              new Gru(h, false),
              x,
              n.param(name + ".Wx", d, 3 * h),
              n.param(name + ".Wh", h, 3 * h),
              n.param(name + ".bx", 3 * h),
              n.param(name + ".bh", 3 * h));
      case RNN ->
          n.op(
              name,
              new Rnn(h, Rnn.Activation.TANH),
              x,
              n.param(name + ".Wx", d, h),
              n.param(name + ".Wh", h, h),
              n.param(name + ".b", h));
    };
  }
}
