package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.CausalMask;
import dev.silica.workloads.ir.Embedding;
import dev.silica.workloads.ir.Gelu;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.LayerNorm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Mul;
import dev.silica.workloads.ir.Reshape;
import dev.silica.workloads.ir.Softmax;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.ValueId;

/**
 * Transformer workloads: one BERT-base encoder layer and the whole GPT-2 small language model, both
 * at batch 1 with activations kept as {@code [S, d]} matrices so that every projection is a {@link
 * Gemm}.
 *
 * <h2>Multi-head attention (both models)</h2>
 *
 * <pre>
 *   q, k, v   = Gemm(x[S,768], W[768,768]) + b              layerL.attn.q / .k / .v
 *   split     = Reshape [S,12,64], Transpose                  q,v → [12,S,64]; k → [12,64,S]
 *   scores    = MatMul(q[12,S,64], kᵀ[12,64,S]) = [12,S,S]   layerL.attn.scores
 *   scaled    = Mul(scores, 1/sqrt(64) = 0.125)              layerL.attn.scale (constant attn_scale)
 *   (GPT-2)     CausalMask(-inf) above the diagonal           layerL.attn.mask
 *   probs     = Softmax(axis -1)                             layerL.attn.softmax
 *   context   = MatMul(probs[12,S,S], v[12,S,64])            layerL.attn.context
 *   merge     = Transpose [S,12,64], Reshape [S,768]         layerL.attn.merge / .merge_view
 *   out       = Gemm(merge, Wo[768,768]) + b                 layerL.attn.out
 * </pre>
 *
 * <h2>BERT-base layer ({@code bert-base-layer})</h2>
 *
 * One encoder layer of BERT-base (hidden 768, 12 heads of 64, FFN 3072): post-LN, {@code h = LN1(x
 * + Attn(x))}, {@code y = LN2(h + W2·GELU(W1·h))}, with exact (erf) GELU and LayerNorm epsilon
 * 1e-12. Input {@code hidden_states[128,768]} (sequence 128, batch 1, no padding mask); output
 * {@code [128,768]}. Weights are {@code torch.nn.Linear}-shaped {@code [out, in]} ({@link
 * Gemm#fullyConnected()}). Dropout is omitted (inference).
 *
 * <p>Parameters: {@code 4·(768·768 + 768)} (Q, K, V, output) {@code + 768·3072 + 3072} (FFN in)
 * {@code + 3072·768 + 768} (FFN out) {@code + 2·2·768} (two LayerNorms) = 7,087,872. MACs at
 * sequence {@code S}: {@code 4·S·768²} (projections) {@code + 2·S·768·3072} (FFN) {@code +
 * 2·12·S²·64} (Q·Kᵀ and P·V) = 931,135,488 at S = 128.
 *
 * <h2>GPT-2 small ({@code gpt2-small})</h2>
 *
 * 12 decoder layers, d = 768, 12 heads, context 1024, vocabulary 50,257; pre-LN, {@code h = x +
 * Attn(LN1(x))}, {@code y = h + W2·GELU_tanh(W1·LN2(h))}, a final LayerNorm {@code ln_f} (epsilon
 * 1e-5 throughout) and a language-model head that reuses the token embedding. Inputs: {@code
 * tokens[1024]} and {@code positions[1024]} (i64, the second normally {@code 0..1023}); output the
 * logits {@code [1024, 50257]}. The sequence is the full context, 1024.
 *
 * <ul>
 *   <li>{@code embed.tokens} = Embedding(tokens, {@code wte[50257,768]}), {@code embed.positions} =
 *       Embedding(positions, {@code wpe[1024,768]}), summed.
 *   <li>Projections use Hugging Face's {@code Conv1D} layout {@code W[in, out]} ({@code Gemm}
 *       without transposes). HF fuses Q, K and V into one {@code c_attn} of {@code [768, 2304]};
 *       the graph keeps three {@code [768, 768]} Gemms side by side, the same parameters and MACs.
 *   <li>{@code lm_head} = Gemm(transB) of {@code ln_f}'s output with {@code wte} itself: the tied
 *       weight is one parameter value read by two nodes, so {@link
 *       dev.silica.workloads.ir.GraphStats} counts it once.
 * </ul>
 *
 * <p>Parameters: {@code 50257·768} (wte) {@code + 1024·768} (wpe) {@code + 12·7,087,872} (layers,
 * the same shapes as BERT's) {@code + 2·768} (ln_f) = 124,439,808, the count Hugging Face reports
 * for {@code gpt2} (tied head, wpe included). MACs at S = 1024: {@code 12·(4·S·768² + 2·S·768·3072
 * + 2·12·S²·64) + S·768·50257}; the causal mask does not halve the score products in this dense
 * accounting.
 *
 * <h2>Sources</h2>
 *
 * <ol>
 *   <li>Devlin, Chang, Lee, Toutanova, "BERT", NAACL 2019, §3 (BERT-base: L=12, H=768, A=12, FFN
 *       4H); Hugging Face {@code BertLayer} (post-LN, {@code layer_norm_eps = 1e-12}).
 *   <li>Vaswani et al., "Attention Is All You Need", NeurIPS 2017 (scaled dot-product attention).
 *   <li>Radford, Wu, Child, Luan, Amodei, Sutskever, "Language Models are Unsupervised Multitask
 *       Learners", 2019, §2.3 (pre-LN, final LayerNorm, context 1024, vocabulary 50,257); OpenAI
 *       {@code gpt-2/src/model.py} and Hugging Face {@code GPT2Model} ({@code gelu_new}, tied
 *       head).
 * </ol>
 */
final class Transformers {
  private Transformers() {}

  static final int D_MODEL = 768;
  static final int HEADS = 12;
  static final int HEAD_DIM = D_MODEL / HEADS;
  static final int FFN = 4 * D_MODEL;
  static final int BERT_SEQ = 128;
  static final int GPT2_LAYERS = 12;
  static final int GPT2_CONTEXT = 1024;
  static final int GPT2_VOCAB = 50257;

  /** How projection weights are laid out. */
  private enum Layout {
    /** {@code torch.nn.Linear}: {@code W[out, in]}, {@code Y = X·Wᵀ + b}. */
    LINEAR,
    /** Hugging Face GPT-2 {@code Conv1D}: {@code W[in, out]}, {@code Y = X·W + b}. */
    CONV1D
  }

  static Graph bertBaseLayer() {
    NetBuilder n = new NetBuilder("bert-base-layer");
    ValueId x = n.input("hidden_states", BERT_SEQ, D_MODEL);
    ValueId scale = attentionScale(n);
    String p = "layer0";
    ValueId attn = attention(n, p + ".attn", x, scale, false, Layout.LINEAR);
    ValueId h = layerNorm(n, p + ".ln1", n.add(p + ".attn_residual", x, attn), 1e-12f);
    ValueId f = dense(n, p + ".ffn.fc1", h, FFN, Layout.LINEAR);
    f = n.op(p + ".ffn.gelu", new Gelu(false), f);
    f = dense(n, p + ".ffn.fc2", f, D_MODEL, Layout.LINEAR);
    return n.build(layerNorm(n, p + ".ln2", n.add(p + ".ffn_residual", h, f), 1e-12f));
  }

  static Graph gpt2Small() {
    NetBuilder n = new NetBuilder("gpt2-small");
    int s = GPT2_CONTEXT;
    ValueId tokens = n.indexInput("tokens", s);
    ValueId positions = n.indexInput("positions", s);
    ValueId wte = n.param("wte.weight", GPT2_VOCAB, D_MODEL);
    ValueId wpe = n.param("wpe.weight", GPT2_CONTEXT, D_MODEL);
    ValueId x =
        n.add(
            "embed.add",
            n.op("embed.tokens", new Embedding(), tokens, wte),
            n.op("embed.positions", new Embedding(), positions, wpe));
    ValueId scale = attentionScale(n);
    for (int l = 0; l < GPT2_LAYERS; l++) {
      String p = "layer" + l;
      ValueId a = layerNorm(n, p + ".ln1", x, 1e-5f);
      x = n.add(p + ".attn_residual", x, attention(n, p + ".attn", a, scale, true, Layout.CONV1D));
      ValueId m = layerNorm(n, p + ".ln2", x, 1e-5f);
      m = dense(n, p + ".mlp.fc", m, FFN, Layout.CONV1D);
      m = n.op(p + ".mlp.gelu", new Gelu(true), m);
      m = dense(n, p + ".mlp.proj", m, D_MODEL, Layout.CONV1D);
      x = n.add(p + ".mlp_residual", x, m);
    }
    x = layerNorm(n, "ln_f", x, 1e-5f);
    // Tied head: logits = ln_f(x) · wteᵀ, no bias.
    return n.build(n.op("lm_head", new Gemm(false, true, 1f, 0f), x, wte));
  }

  /** The constant {@code 1/sqrt(head_dim)} that scales the attention scores. */
  private static ValueId attentionScale(NetBuilder n) {
    return n.graph().constant("attn_scale", TensorType.f32(1), (float) (1 / Math.sqrt(HEAD_DIM)));
  }

  /** Multi-head self-attention on {@code x[S, 768]}, ending with the output projection. */
  private static ValueId attention(
      NetBuilder n, String p, ValueId x, ValueId scale, boolean causal, Layout layout) {
    int s = n.dim(x, 0);
    ValueId q = splitHeads(n, p + ".q", dense(n, p + ".q", x, D_MODEL, layout), 1, 0, 2);
    ValueId kT = splitHeads(n, p + ".k", dense(n, p + ".k", x, D_MODEL, layout), 1, 2, 0);
    ValueId v = splitHeads(n, p + ".v", dense(n, p + ".v", x, D_MODEL, layout), 1, 0, 2);
    ValueId scores = n.op(p + ".scores", new MatMul(), q, kT);
    scores = n.op(p + ".scale", new Mul(), scores, scale);
    if (causal) {
      scores = n.op(p + ".mask", new CausalMask(Float.NEGATIVE_INFINITY), scores);
    }
    ValueId probs = n.op(p + ".softmax", new Softmax(-1), scores);
    ValueId context = n.op(p + ".context", new MatMul(), probs, v);
    ValueId merged = n.op(p + ".merge", Transpose.of(1, 0, 2), context);
    merged = n.op(p + ".merge_view", Reshape.of(s, D_MODEL), merged);
    return dense(n, p + ".out", merged, D_MODEL, layout);
  }

  /** {@code [S, 768]} → view {@code [S, 12, 64]} → transposed by {@code perm}. */
  private static ValueId splitHeads(NetBuilder n, String name, ValueId x, int... perm) {
    ValueId heads = n.op(name + "_view", Reshape.of(n.dim(x, 0), HEADS, HEAD_DIM), x);
    return n.op(name + "_heads", Transpose.of(perm), heads);
  }

  /** A projection with bias, {@code [S, in] → [S, out]}, in the given weight layout. */
  private static ValueId dense(NetBuilder n, String name, ValueId x, int out, Layout layout) {
    int in = n.dim(x, -1);
    boolean linear = layout == Layout.LINEAR;
    ValueId w = linear ? n.param(name + ".weight", out, in) : n.param(name + ".weight", in, out);
    ValueId b = n.param(name + ".bias", out);
    Gemm gemm = linear ? Gemm.fullyConnected() : new Gemm(false, false, 1f, 1f);
    return n.op(name, gemm, x, w, b);
  }

  private static ValueId layerNorm(NetBuilder n, String name, ValueId x, float eps) {
    int d = n.dim(x, -1);
    ValueId scale = n.param(name + ".weight", d);
    ValueId bias = n.param(name + ".bias", d);
    return n.op(name, new LayerNorm(-1, eps), x, scale, bias);
  }
}
