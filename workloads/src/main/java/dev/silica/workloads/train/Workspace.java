package dev.silica.workloads.train;

/**
 * Per-thread state of one {@link TrainableGraph}: every value's elements and gradient, and each
 * step's scratch (max-pool argmax positions, dropout masks). Parameters and constants are shared
 * with the graph (read only here); parameter gradients are private and accumulate over the samples
 * a workspace processes until {@link #zeroParameterGradients}.
 */
final class Workspace {
  final float[][] val;
  final float[][] grad;
  final Object[] scratch;

  /** Whether dropout drops (training) or passes through (evaluation). */
  boolean training;

  /** Seed of the current sample's dropout masks. */
  long sampleSeed;

  Workspace(TrainableGraph g) {
    int n = g.valueCount();
    val = new float[n][];
    grad = new float[n][];
    scratch = new Object[g.steps.length];
    for (int i = 0; i < n; i++) {
      if (g.shared[i] != null) {
        val[i] = g.shared[i];
      } else {
        val[i] = new float[g.size[i]];
      }
      if (g.needsGrad[i]) {
        grad[i] = new float[g.size[i]];
      }
    }
    for (int s = 0; s < g.steps.length; s++) {
      scratch[s] = g.steps[s].newScratch();
    }
  }

  /** Zeroes the gradients of everything but parameters (before each sample's backward pass). */
  void zeroActivationGradients(TrainableGraph g) {
    for (int i = 0; i < grad.length; i++) {
      if (grad[i] != null && !g.isParameter[i]) {
        java.util.Arrays.fill(grad[i], 0f);
      }
    }
  }

  /** Zeroes the accumulated parameter gradients (before each minibatch). */
  void zeroParameterGradients(TrainableGraph g) {
    for (int p : g.parameters) {
      java.util.Arrays.fill(grad[p], 0f);
    }
  }
}
