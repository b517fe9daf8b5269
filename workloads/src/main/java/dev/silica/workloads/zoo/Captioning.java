package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Concat;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.Lstm;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.ValueId;
import java.util.List;

/**
 * Image captioning with a CNN encoder and an LSTM decoder (CS231n lecture 10, "Image captioning";
 * Karpathy and Fei-Fei's NeuralTalk), in two forms.
 *
 * <h2>{@code captioning}: one decoding step of the CS231n captioning model</h2>
 *
 * <ol>
 *   <li><b>Encoder.</b> VGG-16 (configuration D, {@code 1×3×224×224}) up to {@code fc7}: the
 *       thirteen 3×3 convolutions, five max pools, {@code fc6} and {@code fc7} with ReLU and
 *       dropout, as in {@link Vgg}, giving a 4096-d image feature. {@code fc8} is not built.
 *   <li><b>Initial state.</b> {@code img_proj}: a fully connected layer 4096 → 512 whose output is
 *       the LSTM's initial hidden state {@code h0} (CS231n assignment 3's {@code W_proj}, an affine
 *       map with no nonlinearity). The initial cell state is zero.
 *   <li><b>Word.</b> The previous word {@code word[1, 1]} ({@code i64}, {@code T = N = 1}) looked
 *       up in {@code embed.weight[10000, 512]}.
 *   <li><b>Decoder step.</b> One {@link Lstm} step, {@code D = H = 512}, gates {@code i, f, o, g}.
 *   <li><b>Vocabulary.</b> {@code h_1} viewed as {@code [1, 512]}, {@code vocab}: 512 → 10,000, and
 *       a softmax over the vocabulary. Outputs: the word distribution and the new states {@code
 *       lstm.1 = h}, {@code lstm.2 = c} for the next step.
 * </ol>
 *
 * <p>Sizes (vocabulary 10,000, hidden and word vector 512) are the zoo's choice for a COCO-sized
 * model; the structure is CS231n's. Decoder parameters: {@code 4096·512 + 512} (projection) {@code
 * + 10000·512} (embedding) {@code + 4·512·(512+512) + 4·512} (LSTM) {@code + 512·10000 + 10000}
 * (vocabulary) = 14,446,864.
 *
 * <h2>{@code neuraltalk-eie}: the NeuralTalk layers of the EIE paper</h2>
 *
 * <p>EIE (Han et al., ISCA 2016, Table III) benchmarks three matrices of a compressed NeuralTalk:
 * NT-We (4096, 600), NT-Wd (600, 8791) and NT-LSTM (1201, 2400), printed as (input length, output
 * length). NeuralTalk's code ({@code karpathy/neuraltalk}, {@code imagernn/}) names them:
 *
 * <ul>
 *   <li>{@code We[4096, 600]} + {@code be}: the image encoder, from the 4096-d VGG feature to the
 *       600-d encoding ({@code image_encoding_size = word_encoding_size = hidden_size = 600}).
 *   <li>{@code WLSTM[input + hidden + 1, 4·hidden]}: the LSTM. Each step forms {@code Hin = [1,
 *       x_t(600), h_{t-1}(600)]} (a constant 1 for the bias, the input, the previous hidden state)
 *       and computes all four gates at once as {@code Hin · WLSTM}; so the matrix has 1 + 600 + 600
 *       = <b>1201</b> rows and 4 gates × 600 = <b>2400</b> columns. Its rows split exactly into
 *       this IR's {@link Lstm} operands: the 600 input rows are {@code Wx[600, 2400]}, the 600
 *       recurrent rows {@code Wh[600, 2400]} and the bias row {@code b[2400]}, together 1201 × 2400
 *       = 2,882,400 weights. The gate order is the same ({@code IFOG}: three sigmoid gates i, f, o,
 *       then the tanh input g).
 *   <li>{@code Wd[600, 8791]} + {@code bd}: the word decoder to 8791 outputs (the vocabulary plus
 *       the END token).
 *   <li>{@code Ws[8791, 600]}: the word encoder, a table lookup (not an EIE benchmark).
 * </ul>
 *
 * <p>The graph is NeuralTalk's first prediction: the image encoding is the LSTM's input at {@code t
 * = 0} and the START word's vector ({@code Ws[0]}) at {@code t = 1}; the decoder reads {@code h_2}
 * (NeuralTalk discards the prediction made at the image step). Input {@code image_feat[1, 4096]}
 * (VGG {@code fc7}) and {@code word[1, 1]}; output logits {@code [1, 8791]}. Fully connected
 * weights use the zoo's {@code [out, in]} layout, so {@code We.weight} is {@code [600, 4096]}.
 *
 * <p>One difference in the cell: NeuralTalk's default ({@code tanhC_version = 0}) outputs {@code h
 * = o ⊙ c} without the tanh that {@link Lstm} applies; weights and MACs are the same.
 */
final class Captioning {
  private Captioning() {}

  static final int VOCAB = 10_000;
  static final int HIDDEN = 512;
  static final int WORD_DIM = 512;

  /** NeuralTalk's sizes in the EIE benchmarks. */
  static final int NT_HIDDEN = 600;

  static final int NT_OUTPUTS = 8791;
  static final int IMAGE_FEATURE = 4096;

  private static final int[] VGG16_CONVS = {2, 2, 3, 3, 3};
  private static final int[] VGG_CHANNELS = {64, 128, 256, 512, 512};

  static Graph captioning() {
    NetBuilder n = new NetBuilder("captioning");
    ValueId feature = vgg16Fc7(n, n.input("image", 1, 3, 224, 224));
    ValueId h0 = n.linear("img_proj", feature, HIDDEN);
    ValueId word = n.indexInput("word", 1, 1);
    ValueId x = n.op("embed", new Embedding(), word, n.param("embed.weight", VOCAB, WORD_DIM));
    List<ValueId> lstm =
        n.graph()
            .node(
                "lstm",
                new Lstm(HIDDEN),
                List.of(
                    x,
                    n.param("lstm.Wx", WORD_DIM, 4 * HIDDEN),
                    n.param("lstm.Wh", HIDDEN, 4 * HIDDEN),
                    n.param("lstm.b", 4 * HIDDEN),
                    h0));
    ValueId h = n.op("step_out", Reshape.of(1, HIDDEN), lstm.get(0));
    ValueId probs = n.op("probs", new Softmax(-1), n.linear("vocab", h, VOCAB));
    return n.build(probs, lstm.get(1), lstm.get(2));
  }

  static Graph neuralTalkEie() {
    NetBuilder n = new NetBuilder("neuraltalk_eie");
    ValueId feature = n.input("image_feat", 1, IMAGE_FEATURE);
    ValueId image = n.linear("We", feature, NT_HIDDEN);
    ValueId imageStep = n.op("image_step", Reshape.of(1, 1, NT_HIDDEN), image);
    ValueId word = n.indexInput("word", 1, 1);
    ValueId wordStep =
        n.op("Ws", new Embedding(), word, n.param("Ws.weight", NT_OUTPUTS, NT_HIDDEN));
    ValueId steps = n.op("steps", new Concat(0), imageStep, wordStep);
    List<ValueId> lstm =
        n.graph()
            .node(
                "WLSTM",
                new Lstm(NT_HIDDEN),
                List.of(
                    steps,
                    n.param("WLSTM.Wx", NT_HIDDEN, 4 * NT_HIDDEN),
                    n.param("WLSTM.Wh", NT_HIDDEN, 4 * NT_HIDDEN),
                    n.param("WLSTM.b", 4 * NT_HIDDEN)));
    return n.build(n.linear("Wd", lstm.get(1), NT_OUTPUTS));
  }

  /** VGG-16 (configuration D) up to the ReLU and dropout after {@code fc7}: {@code [1, 4096]}. */
  private static ValueId vgg16Fc7(NetBuilder n, ValueId x) {
    for (int stage = 0; stage < 5; stage++) {
      for (int i = 1; i <= VGG16_CONVS[stage]; i++) {
        x = n.convRelu("conv" + (stage + 1) + "_" + i, x, VGG_CHANNELS[stage], 3, 1, 1);
      }
      x = n.maxPool("pool" + (stage + 1), x, 2, 2);
    }
    x = n.flatten("flatten", x);
    x = n.dropout("drop6", n.linearRelu("fc6", x, IMAGE_FEATURE), 0.5f);
    return n.dropout("drop7", n.linearRelu("fc7", x, IMAGE_FEATURE), 0.5f);
  }
}
