package dev.silica.workloads.exec;

import static dev.silica.workloads.exec.OneOp.random;
import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.ConvTranspose2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Op;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The multi-threaded products are bit-identical for 1, 2 and 4 threads, on sizes that cross the
 * GEMM tile edges (64 rows, 256 columns, 128 values of {@code k}) and leave ragged remainders.
 */
class DeterminismTest {
  private static void sameForAnyThreadCount(Precision p, Op op, Tensor... xs) {
    Tensor one = OneOp.run(op, p, 1, xs).getFirst();
    assertThat(OneOp.run(op, p, 2, xs).getFirst()).isEqualTo(one);
    assertThat(OneOp.run(op, p, 4, xs).getFirst()).isEqualTo(one);
    assertThat(OneOp.run(op, p, 3, xs).getFirst()).isEqualTo(one);
  }

  @Test
  void gemmIsBitIdenticalAcrossThreadCounts() {
    SplittableRandom rng = new SplittableRandom(11);
    Tensor a = random(rng, 131, 301);
    Tensor b = random(rng, 519, 301);
    Tensor c = random(rng, 519);
    for (Precision p : Precision.values()) {
      sameForAnyThreadCount(p, Gemm.fullyConnected(), a, b, c);
      sameForAnyThreadCount(p, new Gemm(false, true, 0.5f, 2f), a, b, c);
    }
    sameForAnyThreadCount(
        Precision.FP32, new MatMul(), random(rng, 3, 70, 129), random(rng, 129, 260));
  }

  @Test
  void convolutionsAreBitIdenticalAcrossThreadCounts() {
    SplittableRandom rng = new SplittableRandom(12);
    Tensor x = random(rng, 2, 24, 23, 21);
    Tensor w = random(rng, 72, 12, 3, 3);
    Conv2d grouped = new Conv2d(1, 2, Padding.of(1, 0, 2, 1), 1, 1, 2);
    for (Precision p : Precision.values()) {
      sameForAnyThreadCount(p, grouped, x, w, random(rng, 72));
    }
    sameForAnyThreadCount(Precision.FP32, Conv2d.of(1, 0), x, random(rng, 80, 24, 1, 1));
    sameForAnyThreadCount(
        Precision.FP32, ConvTranspose2d.of(2, 1), x, random(rng, 24, 9, 4, 4), random(rng, 9));
  }

  @Test
  void aRunDoesNotDependOnTheThreadCountOfItsExecutorOrEarlierRuns() {
    SplittableRandom rng = new SplittableRandom(13);
    Tensor x = random(rng, 1, 8, 40, 40);
    Tensor w = random(rng, 300, 8, 3, 3);
    Tensor first = OneOp.run(Conv2d.of(1, 1), Precision.FP32, 4, x, w).getFirst();
    for (int i = 0; i < 2; i++) {
      assertThat(OneOp.run(Conv2d.of(1, 1), Precision.FP32, 1, x, w).getFirst()).isEqualTo(first);
    }
  }
}
