package dev.silica.numerics.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MagnitudePruningTest {
  private static float[] uniform(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = (float) (2 * r.nextDouble() - 1);
    }
    return w;
  }

  @Test
  void keepRatioKeepsExactlyTheLargestMagnitudes() {
    float[] w = {0.1f, -0.9f, 0.3f, -0.05f, 0.7f, 0.2f, -0.4f, 0.0f};
    MagnitudePruning.Result r = MagnitudePruning.byKeepRatio(w, 0.375); // round(3) of 8
    assertThat(r.kept()).isEqualTo(3);
    // |w| sorted: 0.9, 0.7, 0.4 are kept
    assertThat(r.mask()).containsExactly(false, true, false, false, true, false, true, false);
    assertThat(r.threshold()).isEqualTo(0.4f);
    assertThat(r.apply(w)).containsExactly(0f, -0.9f, 0f, 0f, 0.7f, 0f, -0.4f, 0f);
  }

  @Test
  void tiesAtTheThresholdAreKeptInIndexOrderUpToTheBudget() {
    float[] w = {0.5f, -0.5f, 0.5f, 0.1f};
    MagnitudePruning.Result r = MagnitudePruning.byKeepRatio(w, 0.5);
    assertThat(r.mask()).containsExactly(true, true, false, false);
  }

  @Test
  void largeLayerHitsTheBudgetAndEveryKeptWeightDominatesEveryPrunedOne() {
    float[] w = uniform(1_000_003, 7);
    MagnitudePruning.Result r = MagnitudePruning.byKeepRatio(w, 0.09);
    assertThat(r.kept()).isEqualTo(Math.round(0.09 * w.length));
    float minKept = Float.MAX_VALUE;
    float maxPruned = 0;
    for (int i = 0; i < w.length; i++) {
      if (r.mask()[i]) {
        minKept = Math.min(minKept, Math.abs(w[i]));
      } else {
        maxPruned = Math.max(maxPruned, Math.abs(w[i]));
      }
    }
    assertThat(minKept).isGreaterThanOrEqualTo(maxPruned);
    // U(-1,1): |w| is U(0,1), so the 9% threshold is near 0.91
    assertThat(r.threshold()).isCloseTo(0.91, org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void qualityTimesStdThreshold() {
    float[] w = uniform(400_000, 11);
    // U(-1,1): σ = 1/√3; |w| > q·σ keeps 1 − q/√3
    double q = 1.0;
    MagnitudePruning.Result r = MagnitudePruning.byQuality(w, q);
    assertThat(r.threshold())
        .isCloseTo(1 / Math.sqrt(3), org.assertj.core.data.Offset.offset(2e-3));
    assertThat(r.keepFraction())
        .isCloseTo(1 - q / Math.sqrt(3), org.assertj.core.data.Offset.offset(3e-3));
  }

  @Test
  void scheduleWithoutRetrainingEqualsOneShotAndNeverRevives() {
    float[] w = uniform(10_000, 3);
    MagnitudePruning.Schedule s = MagnitudePruning.Schedule.geometric(0.1, 5);
    assertThat(s.keepRatios()).hasSize(5);
    assertThat(s.keepRatios().get(4)).isEqualTo(0.1);
    MagnitudePruning.Result iter = MagnitudePruning.applySchedule(w, s, (step, x) -> x);
    MagnitudePruning.Result once = MagnitudePruning.byKeepRatio(w, 0.1);
    assertThat(iter.mask()).isEqualTo(once.mask());
    // a "retraining" that shrinks weights hands pruned weights back as zero; they stay pruned
    MagnitudePruning.Result shrunk =
        MagnitudePruning.applySchedule(
            w,
            new MagnitudePruning.Schedule(List.of(0.5, 0.2)),
            (step, x) -> {
              float[] y = x.clone();
              for (int i = 0; i < y.length; i++) {
                y[i] = y[i] == 0 ? 0 : y[i] * (i % 2 == 0 ? 1 : 0.5f);
              }
              return y;
            });
    assertThat(shrunk.kept()).isEqualTo(2000);
    MagnitudePruning.Result first = MagnitudePruning.byKeepRatio(w, 0.5);
    for (int i = 0; i < w.length; i++) {
      if (shrunk.mask()[i]) {
        assertThat(first.mask()[i]).isTrue();
      }
    }
  }

  @Test
  void badInputsFailWithTheRule() {
    assertThatThrownBy(() -> MagnitudePruning.byKeepRatio(new float[1], 1.5))
        .hasMessage("pruning: keep ratio must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> new MagnitudePruning.Schedule(List.of(0.5, 0.6)))
        .hasMessageContaining("non-increasing");
  }
}
