package dev.silica.explore.exec;

import dev.silica.explore.DesignPoint;
import dev.silica.explore.Evaluator;
import dev.silica.explore.PointResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Evaluates points on a fixed pool of local threads (the default executor). */
public final class LocalExecutor implements SweepExecutor {
  private final Evaluator evaluator;
  private final int threads;
  private final ExecutorService pool;

  public LocalExecutor(Evaluator evaluator, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.evaluator = evaluator;
    this.threads = threads;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "sweep-worker");
              t.setDaemon(true);
              return t;
            });
  }

  /** One thread per available processor. */
  public static LocalExecutor ofProcessors(Evaluator evaluator) {
    return new LocalExecutor(evaluator, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public void evaluate(List<DesignPoint> points, Consumer<PointResult> sink)
      throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>(points.size());
    for (DesignPoint p : points) {
      futures.add(pool.submit(() -> sink.accept(evaluator.evaluate(p))));
    }
    RuntimeException failure = null;
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
