package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.TensorType;
import org.junit.jupiter.api.Test;

/** One BERT-base encoder layer (Devlin et al. 2019) and GPT-2 small (Radford et al. 2019). */
class TransformersAccountingTest {
  private static final long D = 768;
  private static final long FFN = 3072;

  /** Q, K, V and output projections with bias, FFN in and out with bias, two LayerNorms. */
  private static final long LAYER_PARAMS = 4 * (D * D + D) + 2 * D * FFN + FFN + D + 2 * 2 * D;

  /** Projections, FFN, and the two attention products Q·Kᵀ and P·V over 12 heads of 64. */
  private static long layerMacs(long s) {
    return 4 * s * D * D + 2 * s * D * FFN + 2 * 12 * s * s * 64;
  }

  @Test
  void bertBaseLayer() {
    Graph g = Zoo.build("bert-base-layer");
    GraphStats s = g.stats();
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(128, 768));
    // 2,362,368 (attention) + 4,718,592 + 3,840 (FFN) + 3,072 (LayerNorms) = 7,087,872; BERT-base's
    // 12 layers are 85,054,464 of its ~110M (Devlin et al. §3) [derived]
    assertThat(LAYER_PARAMS).isEqualTo(7_087_872L);
    assertThat(s.parameters()).isEqualTo(LAYER_PARAMS);
    // S = 128: 301,989,888 + 603,979,776 + 25,165,824 = 931,135,488 [derived]
    assertThat(s.macs()).isEqualTo(layerMacs(128)).isEqualTo(931_135_488L);
    assertThat(g.type(g.node("layer0.attn.scores").output()))
        .isEqualTo(TensorType.f32(12, 128, 128));
  }

  @Test
  void gpt2Small() {
    Graph g = Zoo.build("gpt2-small");
    GraphStats s = g.stats();
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1024, 50257));
    assertThat(g.inputs()).hasSize(2);
    assertThat(g.inputs().get(1).type()).isEqualTo(TensorType.of(DType.I64, 1024));
    long wte = 50257L * 768; // 38,597,376, also the LM head (tied, counted once)
    long wpe = 1024L * 768; // 786,432
    long lnF = 2 * D;
    // Hugging Face gpt2: 124,439,808 parameters (tied head, wpe included)
    assertThat(s.parameters())
        .isEqualTo(wte + wpe + 12 * LAYER_PARAMS + lnF)
        .isEqualTo(124_439_808L);
    // the head reads wte itself: no second copy
    assertThat(g.node("lm_head").inputs().get(1)).isEqualTo(g.node("embed.tokens").inputs().get(1));
    // 12 × 8,858,370,048 + 1024·768·50257 = 145,824,153,600 MACs at S = 1024 [derived]
    assertThat(s.macs()).isEqualTo(12 * layerMacs(1024) + 1024L * 768 * 50257);
    assertThat(s.macs()).isEqualTo(145_824_153_600L);
  }
}
