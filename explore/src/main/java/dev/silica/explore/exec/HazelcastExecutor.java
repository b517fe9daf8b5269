package dev.silica.explore.exec;

import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.silica.explore.DesignPoint;
import dev.silica.explore.Evaluators;
import dev.silica.explore.PointResult;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Evaluates points as tasks on a Hazelcast cluster's executor service.
 *
 * <p><b>Evaluator lookup.</b> A task carries only the evaluator's registered name and the point;
 * the member that runs it looks the evaluator up in {@link Evaluators}. Evaluators (which hold
 * graphs, tables and models) are never serialized; every member process registers them at start-up.
 *
 * <p><b>Member loss.</b> A task whose member leaves (terminated, crashed, shut down) fails with a
 * member-left or not-active error; it is resubmitted, and the executor picks a live member. A point
 * whose result was computed but lost with its member is therefore evaluated twice; since evaluators
 * are pure, both results are identical, and {@link dev.silica.explore.store.ResultStore} records
 * the first only. An exception thrown by the evaluator is not retried: it is carried back as text
 * and fails the sweep.
 *
 * <p>The submitting member must stay up: it holds the result store.
 */
public final class HazelcastExecutor implements SweepExecutor {
  /** Name of the cluster executor service the tasks run on. */
  public static final String EXECUTOR_NAME = "silica-sweep";

  private static final int MAX_ATTEMPTS = 10;

  private final HazelcastInstance member;
  private final boolean ownsMember;
  private final String evaluatorName;

  /**
   * Submits through {@code member}, which stays owned by the caller.
   *
   * @param evaluatorName the name every member has registered the evaluator under
   */
  public HazelcastExecutor(HazelcastInstance member, String evaluatorName) {
    this(member, false, evaluatorName);
  }

  private HazelcastExecutor(HazelcastInstance member, boolean owns, String evaluatorName) {
    this.member = Objects.requireNonNull(member, "member");
    this.ownsMember = owns;
    this.evaluatorName = Objects.requireNonNull(evaluatorName, "evaluatorName");
  }

  /** Starts a member with {@code settings} (embedded or joining a cluster); closes it on close. */
  public static HazelcastExecutor start(HazelcastSettings settings, String evaluatorName) {
    return new HazelcastExecutor(startMember(settings), true, evaluatorName);
  }

  /** Starts a member with {@code settings}. */
  public static HazelcastInstance startMember(HazelcastSettings settings) {
    return Hazelcast.newHazelcastInstance(settings.toConfig());
  }

  @Override
  public void evaluate(List<DesignPoint> points, Consumer<PointResult> sink)
      throws InterruptedException {
    IExecutorService exec = member.getExecutorService(EXECUTOR_NAME);
    CountDownLatch left = new CountDownLatch(points.size());
    AtomicReference<String> failure = new AtomicReference<>();
    for (DesignPoint p : points) {
      submit(exec, new EvaluateTask(evaluatorName, p), 1, sink, left, failure);
    }
    left.await();
    if (failure.get() != null) {
      throw new IllegalStateException("evaluation failed: " + failure.get());
    }
  }

  private void submit(
      IExecutorService exec,
      EvaluateTask task,
      int attempt,
      Consumer<PointResult> sink,
      CountDownLatch left,
      AtomicReference<String> failure) {
    ExecutionCallback<Outcome> callback =
        new ExecutionCallback<>() {
          @Override
          public void onResponse(Outcome o) {
            try {
              if (o.error() != null) {
                failure.compareAndSet(null, task.point() + ": " + o.error());
              } else {
                sink.accept(o.result());
              }
            } catch (RuntimeException e) {
              failure.compareAndSet(null, task.point() + ": " + e);
            } finally {
              left.countDown();
            }
          }

          @Override
          public void onFailure(Throwable t) {
            if (attempt < MAX_ATTEMPTS && member.getLifecycleService().isRunning()) {
              submit(exec, task, attempt + 1, sink, left, failure);
            } else {
              failure.compareAndSet(
                  null, task.point() + ": failed after " + attempt + " attempts: " + t);
              left.countDown();
            }
          }
        };
    try {
      exec.submit(task, callback);
    } catch (RuntimeException e) {
      callback.onFailure(e);
    }
  }

  @Override
  public int parallelism() {
    int perMember = 1;
    var cfg = member.getConfig().findExecutorConfig(EXECUTOR_NAME);
    if (cfg != null) {
      perMember = cfg.getPoolSize();
    }
    return perMember * Math.max(1, member.getCluster().getMembers().size());
  }

  @Override
  public void close() {
    if (ownsMember) {
      member.shutdown();
    }
  }

  /**
   * What a task sends back: a result, or the evaluator's exception as text.
   *
   * @param result the result, null on error
   * @param error stack trace, null on success
   */
  record Outcome(PointResult result, String error) implements Serializable {}

  /**
   * One point to evaluate with the evaluator registered as {@code evaluator} on the running member.
   *
   * @param evaluator registered evaluator name
   * @param point the point
   */
  record EvaluateTask(String evaluator, DesignPoint point)
      implements Callable<Outcome>, Serializable {
    @Override
    public Outcome call() {
      try {
        return new Outcome(Evaluators.get(evaluator).evaluate(point), null);
      } catch (RuntimeException e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return new Outcome(null, w.toString());
      }
    }
  }
}
