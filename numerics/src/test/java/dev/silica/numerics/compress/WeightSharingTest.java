package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightSharingTest {
  /** DC Fig. 3: the 4×4 weight matrix clustered into 4 shared values. */
  private static final float[] DC_FIG3 = {
    2.09f, -0.98f, 1.48f, 0.09f,
    0.05f, -0.14f, -1.08f, 2.12f,
    -0.91f, 1.92f, 0f, -1.03f,
    1.87f, 0f, 1.53f, 1.49f
  };

  @Test
  void paperExampleCompressionRate() {
    // DC §3: 16 weights, 4 centroids, 32-bit: 16·32 / (16·2 + 4·32) = 3.2x (papers-inputs §3.5)
    assertThat(WeightSharing.compressionRate(16, 4, 32)).isEqualTo(3.2);
  }

  @Test
  void paperExampleCentroids() {
    // DC Fig. 3 cluster centroids: -1.00, 0.00, 1.50, 2.00 (means of the four groups). Linear and
    // density init reach them; random init is checked separately (it may stop in a worse optimum).
    for (WeightSharing.Init init :
        new WeightSharing.Init[] {WeightSharing.Init.LINEAR, WeightSharing.Init.DENSITY}) {
      WeightSharing.Result r = WeightSharing.cluster(DC_FIG3, 4, init, 1);
      assertThat(r.converged()).isTrue();
      assertThat(r.codebook()[0]).as(init.name()).isCloseTo(-1.00, offset(1e-6));
      assertThat(r.codebook()[1]).as(init.name()).isCloseTo(0.00, offset(1e-6));
      assertThat(r.codebook()[2]).as(init.name()).isCloseTo(1.50, offset(1e-6));
      assertThat(r.codebook()[3]).as(init.name()).isCloseTo(2.00, offset(1e-6));
      // DC Fig. 3 cluster index matrix (0 = -1.00 ... 3 = 2.00)
      assertThat(r.indices()).containsExactly(3, 0, 2, 1, 1, 1, 0, 3, 0, 3, 1, 0, 3, 1, 2, 2);
    }
  }

  @Test
  void randomInitFindsALocalOptimumNoBetterThanLinear() {
    // DC §3.1: linear init is best; Forgy picks may start two centroids in one group
    double linear = WeightSharing.cluster(DC_FIG3, 4, WeightSharing.Init.LINEAR, 0).sse(DC_FIG3);
    for (long seed = 0; seed < 20; seed++) {
      WeightSharing.Result r = WeightSharing.cluster(DC_FIG3, 4, WeightSharing.Init.RANDOM, seed);
      assertThat(r.converged()).isTrue();
      assertThat(r.sse(DC_FIG3)).isGreaterThanOrEqualTo(linear - 1e-12);
    }
  }

  @Test
  void lloydReachesAFixedPointAndIsDeterministic() {
    SplittableRandom rng = new SplittableRandom(5);
    float[] w = new float[50_000];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rng.nextGaussian() * 0.05);
    }
    for (WeightSharing.Init init : WeightSharing.Init.values()) {
      WeightSharing.Result a = WeightSharing.cluster(w, 32, init, 9);
      WeightSharing.Result b = WeightSharing.cluster(w, 32, init, 9);
      assertThat(a.converged()).isTrue();
      assertThat(a.codebook()).isEqualTo(b.codebook());
      assertThat(a.indices()).isEqualTo(b.indices());
      // at the fixed point each centroid is its members' mean and each weight its nearest centroid
      double[] sum = new double[32];
      long[] cnt = a.counts();
      for (int i = 0; i < w.length; i++) {
        sum[a.indices()[i]] += w[i];
        assertThat(a.indices()[i]).isEqualTo(WeightSharing.nearest(a.codebook(), w[i]));
      }
      for (int j = 0; j < 32; j++) {
        if (cnt[j] > 0) {
          assertThat(a.codebook()[j]).isCloseTo(sum[j] / cnt[j], offset(1e-9));
        }
      }
    }
  }

  @Test
  void moreClustersNeverIncreaseTheError() {
    SplittableRandom rng = new SplittableRandom(2);
    float[] w = new float[20_000];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (2 * rng.nextDouble() - 1);
    }
    double prev = Double.MAX_VALUE;
    for (int bits = 1; bits <= 6; bits++) {
      double sse = WeightSharing.cluster(w, 1 << bits, WeightSharing.Init.LINEAR, 0).sse(w);
      assertThat(sse).isLessThan(prev);
      prev = sse;
    }
    // U(-1,1) with 64 equal cells: MSE ≈ (2/64)²/12
    assertThat(prev / w.length).isCloseTo(Math.pow(2.0 / 64, 2) / 12, offset(2e-5));
  }
}
