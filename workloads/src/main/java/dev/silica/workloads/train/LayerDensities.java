package dev.silica.workloads.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The operand densities of a trained network's weighted layers, measured: for each convolution and
 * fully connected node with a parameter weight, the non-zero fraction of its input activation over
 * a data set (as the network holds it: in the variant's activation format when it has one) and the
 * non-zero fraction of its weight tensor. These are what zero-skipping hardware exploits: EIE
 * broadcasts only non-zero activations and stores only kept weights, a zero-gated systolic array
 * charges no datapath energy for a MAC with a zero operand (the accelerators' {@code LayerDensity}
 * and {@code OperandDensity}).
 *
 * <p>The input density counts every element of the node's first input, as the node reads it: for a
 * convolution that is the feature map before implicit zero padding (LeNet-5 pads nothing), for a
 * fully connected layer the flattened vector. An input that is the graph's image counts the
 * standardized pixels (a black pixel becomes {@code −mean/std}, not zero).
 */
public final class LayerDensities {
  private LayerDensities() {}

  /**
   * One weighted node.
   *
   * @param node the node name
   * @param kind {@code conv} or {@code fc}
   * @param inputDensity non-zero fraction of its input activation over the data set
   * @param weightDensity non-zero fraction of its weight tensor
   * @param weights elements of its weight tensor
   */
  public record Layer(
      String node, String kind, double inputDensity, double weightDensity, long weights) {}

  /**
   * The weighted nodes of {@code net} in graph order, measured on every example of {@code data}.
   */
  public static List<Layer> measure(TrainableGraph net, Dataset data) {
    List<Steps.Step> weighted = new ArrayList<>();
    for (Steps.Step s : net.steps) {
      if ((s instanceof Steps.Conv || s instanceof Steps.GemmStep)
          && s.in.length > 1
          && net.isParameter[s.in[1]]) {
        weighted.add(s);
      }
    }
    long[] nonZero = new long[weighted.size()];
    long[] total = new long[weighted.size()];
    Workspace w = net.workspace();
    float[] x = w.val[net.input];
    for (int i = 0; i < data.count(); i++) {
      data.fill(i, x, net.inputHeight(), net.inputWidth());
      net.forward(w);
      for (int k = 0; k < nonZero.length; k++) {
        float[] v = w.val[weighted.get(k).in[0]];
        int nz = 0;
        for (float f : v) {
          if (f != 0f) {
            nz++;
          }
        }
        nonZero[k] += nz;
        total[k] += v.length;
      }
    }
    List<Layer> out = new ArrayList<>();
    for (int k = 0; k < nonZero.length; k++) {
      Steps.Step s = weighted.get(k);
      float[] wt = net.shared[s.in[1]];
      long nz = 0;
      for (float f : wt) {
        if (f != 0f) {
          nz++;
        }
      }
      out.add(
          new Layer(
              net.graph().nodes().get(s.index).name(),
              s instanceof Steps.Conv ? "conv" : "fc",
              total[k] == 0 ? 1.0 : (double) nonZero[k] / total[k],
              (double) nz / Math.max(1, wt.length),
              wt.length));
    }
    return out;
  }
}
