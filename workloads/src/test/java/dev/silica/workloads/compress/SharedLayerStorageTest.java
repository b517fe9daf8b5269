package dev.silica.workloads.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link StorageReport#sharedLayer} on hand-worked layers (formulas of the class comment). */
class SharedLayerStorageTest {
  @Test
  void threeKeptWeightsOfTwoClustersWithTwoBitIndexes() {
    float a = 0.25f;
    float b = -0.5f;
    // kept at positions 3, 5, 6: zero runs 3, 1, 0 (all below 2^2, no fillers); the trailing zero
    // costs nothing
    StorageReport.LayerReport l =
        StorageReport.sharedLayer("toy", new float[] {0, 0, 0, a, 0, b, a, 0}, 0, 1, 2);
    assertThat(l.nonZeros()).isEqualTo(3);
    assertThat(l.fillers()).isZero();
    assertThat(l.usedClusters()).isEqualTo(2);
    assertThat(l.denseBits()).isEqualTo(8 * 32);
    assertThat(l.prunedBits()).isEqualTo(3 * (32 + 2));
    // e·(b + idx) + 2^b·32 = 3·3 + 64
    assertThat(l.pqBits()).isEqualTo(73);
    // Huffman: cluster symbols {a: 2, b: 1} → 1 bit each, 3 bits; relative indexes {3, 1, 0} once
    // each → lengths 1, 2, 2, 5 bits; plus the 64-bit codebook
    assertThat(l.pqhBits()).isEqualTo(3 + 5 + 64);
  }

  @Test
  void longZeroRunsCostFillers() {
    float[] w = new float[10];
    w[9] = 1f;
    // a run of 9 zeros with 2-bit indexes: ⌊9/4⌋ = 2 fillers, then the weight with index 1
    StorageReport.LayerReport l = StorageReport.sharedLayer("toy", w, 4, 1, 2);
    assertThat(l.nonZeros()).isEqualTo(1);
    assertThat(l.fillers()).isEqualTo(2);
    // 3 entries of 1 + 2 bits, 64-bit codebook, 4 dense 32-bit biases
    assertThat(l.pqBits()).isEqualTo(3 * 3 + 64 + 4 * 32);
    assertThat(l.denseBits()).isEqualTo(10 * 32 + 4 * 32);
  }

  @Test
  void tooManyDistinctValuesForTheBitsIsAnError() {
    assertThatThrownBy(() -> StorageReport.sharedLayer("fc", new float[] {1, 2, 3}, 0, 1, 4))
        .hasMessage("fc: 3 distinct non-zero weights do not fit 1-bit cluster indices");
  }
}
