package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RelativeIndexSparseTest {
  @Test
  void runsBelowAtAndAboveTheIndexRange() {
    // 2-bit indexes: a run of up to 3 zeros fits; 4 needs one filler (covering 4 positions)
    RelativeIndexSparse.Encoded e3 = RelativeIndexSparse.encodeStream(new float[] {0, 0, 0, 7}, 2);
    assertThat(e3.relIndex()).containsExactly(3);
    assertThat(e3.fillers()).isZero();
    RelativeIndexSparse.Encoded e4 =
        RelativeIndexSparse.encodeStream(new float[] {0, 0, 0, 0, 7}, 2);
    assertThat(e4.values()).containsExactly(0f, 7f);
    assertThat(e4.relIndex()).containsExactly(3, 0);
    assertThat(e4.fillers()).isEqualTo(1);
    RelativeIndexSparse.Encoded e5 =
        RelativeIndexSparse.encodeStream(new float[] {0, 0, 0, 0, 0, 5}, 2);
    assertThat(e5.relIndex()).containsExactly(3, 1);
    // 8 zeros: two fillers, then index 0
    RelativeIndexSparse.Encoded e8 =
        RelativeIndexSparse.encodeStream(new float[] {0, 0, 0, 0, 0, 0, 0, 0, 9}, 2);
    assertThat(e8.relIndex()).containsExactly(3, 3, 0);
    assertThat(e8.fillers()).isEqualTo(2);
    assertThat(e8.payloadBits(32)).isEqualTo(3 * (32 + 2));
  }

  @Test
  void deepCompressionFigure2Layout() {
    // DC Fig. 2 shape, 3-bit index: non-zeros at 1, 4 and 15: runs 1, 2, 10; 10 ≥ 8 → one filler
    float[] x = new float[16];
    x[1] = 3.4f;
    x[4] = 0.9f;
    x[15] = 1.7f;
    RelativeIndexSparse.Encoded e = RelativeIndexSparse.encodeStream(x, 3);
    assertThat(e.relIndex()).containsExactly(1, 2, 7, 2);
    assertThat(e.values()).containsExactly(3.4f, 0.9f, 0f, 1.7f);
    assertThat(e.nonZeros()).isEqualTo(3);
    assertThat(e.fillers()).isEqualTo(1);
    assertThat(RelativeIndexSparse.decode(e, 1, 16, false)).isEqualTo(x);
  }

  @Test
  void trailingZerosCostNothing() {
    RelativeIndexSparse.Encoded e =
        RelativeIndexSparse.encodeStream(new float[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 2);
    assertThat(e.entries()).isEqualTo(1);
    assertThat(e.fillers()).isZero();
  }

  @Test
  void csrAndCscRoundTripWithPointers() {
    // 3×4, row-major
    float[] m = {
      0, 2, 0, 0,
      0, 0, 0, 0,
      5, 0, 0, 6
    };
    RelativeIndexSparse.Encoded csr = RelativeIndexSparse.encodeCsr(m, 3, 4, 1);
    // row 0: run 1 → idx 1; row 1: empty; row 2: 5 idx 0, run 2 before 6 → one filler (1-bit)
    assertThat(csr.relIndex()).containsExactly(1, 0, 1, 0);
    assertThat(csr.pointers()).containsExactly(0, 1, 1, 4);
    assertThat(csr.fillers()).isEqualTo(1);
    assertThat(RelativeIndexSparse.decode(csr, 3, 4, false)).isEqualTo(m);
    RelativeIndexSparse.Encoded csc = RelativeIndexSparse.encodeCsc(m, 3, 4, 1);
    // col 0: run 2 before 5 → filler + idx 0; col 1: 2 at row 0; col 2 empty; col 3: run 2 → filler
    // + 0
    assertThat(csc.relIndex()).containsExactly(1, 0, 0, 1, 0);
    assertThat(csc.pointers()).containsExactly(0, 2, 3, 3, 5);
    assertThat(RelativeIndexSparse.decode(csc, 3, 4, true)).isEqualTo(m);
    assertThat(csc.totalBits(8, 32)).isEqualTo(5 * 9 + 5 * 32);
    // DC: absolute-index CSR needs 2a + n + 1 numbers
    assertThat(RelativeIndexSparse.absoluteIndexBits(3, 3, 32, 32, 32))
        .isEqualTo((2 * 3 + 3 + 1) * 32);
  }

  @Test
  void maskCountsAgreeWithTheEncoderAndGeometricExpectation() {
    SplittableRandom r = new SplittableRandom(23);
    int n = 2_000_000;
    double p = 0.09;
    float[] x = new float[n];
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (r.nextDouble() < p) {
        x[i] = 1;
        mask[i] = true;
      }
    }
    RelativeIndexSparse.Encoded e = RelativeIndexSparse.encodeStream(x, 4);
    long[] af = RelativeIndexSparse.countStream(mask, 4);
    assertThat(af[0]).isEqualTo(e.nonZeros());
    assertThat(af[1]).isEqualTo(e.fillers());
    long[] sym = RelativeIndexSparse.relativeIndexCounts(mask, 4);
    long total = 0;
    for (int s = 0; s < 16; s++) {
      total += sym[s];
    }
    assertThat(total).isEqualTo(e.entries());
    // geometric runs: fillers per non-zero = q/(1 − q), q = (1 − p)^16
    double q = Math.pow(1 - p, 16);
    assertThat((double) e.fillers() / e.nonZeros()).isCloseTo(q / (1 - q), offset(0.01));
  }
}
