package dev.silica.workloads.exec;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed pool of worker threads that runs independent tasks {@code 0..n-1}. Kernels split their
 * output into disjoint tiles and give each tile to one task, and a task computes every element of
 * its tile completely (the reduction order of an element never depends on the split), so results
 * are bit-identical for any thread count.
 */
final class Parallel implements AutoCloseable {
  private final int threads;
  private final ForkJoinPool pool;

  Parallel(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  int threads() {
    return threads;
  }

  /** Runs {@code body} for every task index in {@code [0, n)} and waits for all of them. */
  void forEach(int n, IntConsumer body) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
