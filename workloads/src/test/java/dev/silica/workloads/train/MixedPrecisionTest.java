package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.testkit.TestData;
import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The mechanisms of mixed-precision training (Micikevicius et al. 2018), one at a time. */
class MixedPrecisionTest {
  private static TrainableGraph net() {
    Graph g = Zoo.build("lenet-300-100");
    return new TrainableGraph(g, SeededInit.forGraph(g, 3));
  }

  /** One trainer step as {@link Trainer} runs it: hooks, then SGD on the regime's target. */
  private static boolean step(
      TrainableGraph net, MixedPrecision mp, Optimizer opt, float[][] grads) {
    mp.beforeBatch(net);
    boolean stepped = mp.gradients(net, grads);
    if (stepped) {
      opt.beginStep();
      for (int k = 0; k < grads.length; k++) {
        opt.update(net.parameters[k], mp.target(net, net.parameters[k]), grads[k]);
      }
    }
    mp.afterBatch(net);
    return stepped;
  }

  private static float[][] constantGradients(TrainableGraph net, float g) {
    float[][] grads = new float[net.parameters.length][];
    for (int k = 0; k < grads.length; k++) {
      grads[k] = new float[net.size[net.parameters[k]]];
      java.util.Arrays.fill(grads[k], g);
    }
    return grads;
  }

  @Test
  void binary16RoundingMatchesTheFormat() {
    // IEEE 754 binary16: 11 significant bits, largest finite 65504, smallest subnormal 2^-24
    assertThat(MixedPrecision.fp16(1 + 0x1p-11f)).isEqualTo(1f); // a tie rounds to even
    assertThat(MixedPrecision.fp16(1 + 0x1p-10f)).isEqualTo(1 + 0x1p-10f);
    assertThat(MixedPrecision.fp16(65504f)).isEqualTo(65504f);
    assertThat(MixedPrecision.fp16(65536f)).isEqualTo(Float.POSITIVE_INFINITY);
    assertThat(MixedPrecision.fp16(0x1p-24f)).isEqualTo(0x1p-24f);
    assertThat(MixedPrecision.fp16(0x1p-26f)).isEqualTo(0f);
  }

  @Test
  void updatesBelowHalfAnUlpVanishWithoutMasterWeightsAndAccumulateWithThem() {
    // weight 1.0: its binary16 ulp is 2^-10; an update of lr·g = 2^-13 is an eighth of it
    float g = 0x1p-13f;
    float[] results = new float[2];
    for (MixedPrecision.Mode mode : MixedPrecision.Mode.values()) {
      TrainableGraph net = net();
      int slot = net.parameters[0];
      java.util.Arrays.fill(net.shared[slot], 1f);
      MixedPrecision mp = new MixedPrecision(net, mode, MixedPrecision.LossScale.NONE);
      Optimizer sgd = new Optimizer.Sgd(1f, 0f, 0f);
      for (int s = 0; s < 64; s++) {
        assertThat(step(net, mp, sgd, constantGradients(net, g))).isTrue();
      }
      results[mode.ordinal()] = net.shared[slot][0];
    }
    // with master weights: 64 updates of 2^-13 sum to 2^-7 in FP32, and 1 − 2^-7 is a binary16
    assertThat(results[MixedPrecision.Mode.MASTER.ordinal()]).isEqualTo(1 - 0x1p-7f);
    // without: each w − 2^-13 rounds back to w = 1
    assertThat(results[MixedPrecision.Mode.NO_MASTER.ordinal()]).isEqualTo(1f);
  }

  @Test
  void overflowSkipsTheStepAndHalvesTheScaleWhichThenGrows() {
    TrainableGraph net = net();
    MixedPrecision mp =
        new MixedPrecision(
            net, MixedPrecision.Mode.MASTER, new MixedPrecision.LossScale(1024f, true, 3));
    float[] before = net.shared[net.parameters[0]].clone();
    float[][] grads = constantGradients(net, 0f);
    grads[1][5] = 70000f; // beyond binary16's 65504: stored as infinity
    assertThat(step(net, mp, new Optimizer.Sgd(1f, 0f, 0f), grads)).isFalse();
    assertThat(mp.scale()).isEqualTo(512f);
    assertThat(mp.skippedSteps()).isEqualTo(1);
    assertThat(net.shared[net.parameters[0]]).isEqualTo(before);
    for (int s = 0; s < 3; s++) {
      assertThat(step(net, mp, new Optimizer.Sgd(1f, 0f, 0f), constantGradients(net, 1f))).isTrue();
    }
    assertThat(mp.scale()).isEqualTo(1024f); // doubled after 3 finite steps in a row
  }

  @Test
  void lossScalingKeepsSmallGradientsFromFlushingToZero() throws URISyntaxException {
    // The trained LeNet-5 classifies most training images confidently, so its loss gradients
    // are tiny (the paper's Fig. 3: much of the gradient histogram lies below binary16's range).
    Path dir = TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Dataset train = Dataset.fashionMnist(dir, Dataset.Split.TRAIN).head(64);
    TrainableGraph ref =
        TrainableGraph.load(
            Path.of(MixedPrecisionTest.class.getResource("lenet5-fashion-mnist.onnx").toURI()));
    long[] flushed = new long[3];
    long nonzero = 0;
    float[] scales = {1f, 1024f, 32768f};
    for (int s = -1; s < scales.length; s++) {
      TrainableGraph net = TrainingStudies.copy(ref);
      MixedPrecision mp =
          s < 0
              ? null
              : new MixedPrecision(
                  net,
                  MixedPrecision.Mode.MASTER,
                  new MixedPrecision.LossScale(scales[s], false, 1));
      Workspace w = net.workspace();
      w.training = true;
      for (int i = 0; i < train.count(); i++) {
        train.fill(i, w.val[net.input], net.inputHeight(), net.inputWidth());
        int label = train.label(i);
        MixedPrecision m = mp;
        net.forwardBackward(
            w,
            (z, dz) ->
                m == null
                    ? TrainableGraph.softmaxCrossEntropy(z, label, dz)
                    : m.loss(0, label, z, dz),
            m == null ? null : m.backwardRounding());
        // the first convolution's input gradient: the deepest point of the backward pass
        for (float v : w.grad[net.input]) {
          if (s < 0 && v != 0) {
            nonzero++;
          } else if (s >= 0 && v == 0) {
            flushed[s]++;
          }
        }
      }
    }
    int pixels = 64 * 32 * 32;
    assertThat(nonzero).isGreaterThan(pixels / 2);
    long zerosInFp32 = pixels - nonzero;
    // unscaled FP16 flushes small gradients to zero (980 of 65,536 input gradients when
    // measured); scaling by 2^10 and 2^15 brings most of them back
    long lost = flushed[0] - zerosInFp32;
    assertThat(lost).isPositive();
    assertThat(flushed[1]).isLessThan(flushed[0]);
    assertThat(flushed[2] - zerosInFp32).isLessThan(lost / 4);
  }

  @Test
  void trainingIsDeterministicAndLeavesBinary16Weights() {
    Dataset data = TrainerTest.squares(300, 5);
    float[][] one = train(data, 1);
    float[][] two = train(data, 2);
    assertThat(two).isDeepEqualTo(one);
    for (float[] w : one) {
      for (float v : w) {
        assertThat(MixedPrecision.fp16(v)).isEqualTo(v);
      }
    }
  }

  private static float[][] train(Dataset data, int threads) {
    TrainableGraph net = net();
    MixedPrecision mp =
        new MixedPrecision(net, MixedPrecision.Mode.MASTER, TrainingStudies.MP_LOSS_SCALE);
    try (Trainer t = new Trainer(net, threads)) {
      t.train(
          data,
          null,
          new Optimizer.Sgd(0.01f, 0.9f, 0f),
          new Trainer.Config(1, 32, 2, threads),
          new Trainer.Listener() {},
          mp);
    }
    float[][] out = new float[net.parameters.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = net.shared[net.parameters[k]].clone();
    }
    return out;
  }
}
