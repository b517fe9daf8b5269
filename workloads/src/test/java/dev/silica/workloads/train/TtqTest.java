package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Trained ternary quantization's update rule on a small net, against the paper's equations. */
class TtqTest {
  private static TrainableGraph net() {
    Graph g = Zoo.build("lenet-300-100");
    return new TrainableGraph(g, SeededInit.forGraph(g, 3));
  }

  @Test
  void startsFromThreeValuesPerLayerWithRegionMeansAsScales() {
    TrainableGraph net = net();
    float[][] fp32 = new float[net.valueCount()][];
    for (int p : net.parameters) {
      fp32[p] = net.shared[p].clone();
    }
    Ttq ttq = new Ttq(net, 0.05f, new Optimizer.Sgd(0.1f, 0f, 0f));
    assertThat(ttq.layers()).isEqualTo(3); // the three fully connected matrices
    for (int j = 0; j < ttq.layers(); j++) {
      int slot = ttq.slots()[j];
      float[] w = fp32[slot];
      float max = 0;
      for (float v : w) {
        max = Math.max(max, Math.abs(v));
      }
      double sp = 0;
      int np = 0;
      for (int i = 0; i < w.length; i++) {
        float expect = w[i] / max > 0.05f ? ttq.wp(j) : w[i] / max < -0.05f ? -ttq.wn(j) : 0f;
        assertThat(net.shared[slot][i]).isEqualTo(expect);
        if (w[i] / max > 0.05f) {
          sp += w[i];
          np++;
        }
      }
      assertThat((double) ttq.wp(j)).isCloseTo(sp / np, within(1e-6));
      TreeSet<Float> distinct = new TreeSet<>();
      for (float v : net.shared[slot]) {
        distinct.add(v);
      }
      assertThat(distinct).containsExactly(-ttq.wn(j), 0f, ttq.wp(j));
    }
  }

  @Test
  void gradientsFollowEquationsSixAndSeven() {
    TrainableGraph net = net();
    // plain SGD with lr 1 on the scales: Wp ← Wp − ∂L/∂Wp exactly
    Ttq ttq = new Ttq(net, 0.05f, new Optimizer.Sgd(1f, 0f, 0f));
    float[][] grads = new float[net.parameters.length][];
    for (int k = 0; k < grads.length; k++) {
      grads[k] = new float[net.size[net.parameters[k]]];
      for (int i = 0; i < grads[k].length; i++) {
        grads[k][i] = (float) Math.sin(i + 7 * k); // arbitrary, deterministic
      }
    }
    float[][] before = new float[grads.length][];
    for (int k = 0; k < grads.length; k++) {
      before[k] = grads[k].clone();
    }
    float wp = ttq.wp(0);
    float wn = ttq.wn(0);
    int slot = ttq.slots()[0];
    int k0 = -1;
    for (int k = 0; k < net.parameters.length; k++) {
      if (net.parameters[k] == slot) {
        k0 = k;
      }
    }
    float[] w = net.shared[slot].clone();
    assertThat(ttq.gradients(net, grads)).isTrue();
    double gp = 0;
    double gn = 0;
    for (int i = 0; i < w.length; i++) {
      float g = before[k0][i];
      if (w[i] > 0) {
        gp += g;
        assertThat(grads[k0][i]).isEqualTo(wp * g); // eq. 7, positive region
      } else if (w[i] < 0) {
        gn -= g;
        assertThat(grads[k0][i]).isEqualTo(wn * g); // eq. 7, negative region
      } else {
        assertThat(grads[k0][i]).isEqualTo(g); // eq. 7, zero region: straight through
      }
    }
    // eq. 6: ∂L/∂Wp = Σ over I_p of ∂L/∂w; ∂L/∂Wn = Σ over I_n of −∂L/∂w (w = −Wn there)
    assertThat((double) ttq.wp(0)).isCloseTo(wp - gp, within(1e-3 * Math.max(1, Math.abs(gp))));
    assertThat((double) ttq.wn(0)).isCloseTo(wn - gn, within(1e-3 * Math.max(1, Math.abs(gn))));
    // biases are not quantized: their gradient and target are untouched
    for (int k = 0; k < net.parameters.length; k++) {
      if (!AccuracyStudies.isWeight(net, net.parameters[k])) {
        assertThat(grads[k]).isEqualTo(before[k]);
        assertThat(ttq.target(net, net.parameters[k])).isSameAs(net.shared[net.parameters[k]]);
      }
    }
  }

  @Test
  void trainingKeepsThreeValuesAndIsThreadCountIndependent() {
    Dataset data = TrainerTest.squares(400, 4);
    float[][] one = train(data, 1);
    float[][] three = train(data, 3);
    assertThat(three).isDeepEqualTo(one);
  }

  private static float[][] train(Dataset data, int threads) {
    TrainableGraph net = net();
    Ttq ttq = new Ttq(net, Ttq.PAPER_THRESHOLD, new Optimizer.Adam(1e-3f));
    try (Trainer t = new Trainer(net, threads)) {
      t.train(
          data,
          null,
          new Optimizer.Adam(1e-3f),
          new Trainer.Config(1, 32, 2, threads),
          new Trainer.Listener() {},
          ttq);
    }
    for (int j = 0; j < ttq.layers(); j++) {
      TreeSet<Float> distinct = new TreeSet<>();
      for (float v : net.shared[ttq.slots()[j]]) {
        distinct.add(v);
      }
      assertThat(distinct).containsExactly(-ttq.wn(j), 0f, ttq.wp(j));
    }
    float[][] out = new float[net.parameters.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = net.shared[net.parameters[k]].clone();
    }
    return out;
  }
}
