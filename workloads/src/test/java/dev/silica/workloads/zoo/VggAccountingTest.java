package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.GraphStats.NodeStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * VGG-16 and VGG-19 against published counts. The per-layer table is the CS231n notes' VGG-16 table
 * (cs231n.github.io convolutional-networks.md, transcribed in papers-inputs §8.3): memory in
 * activation values and weights (without biases) for every CONV, POOL and FC layer.
 */
class VggAccountingTest {
  /** One row of the CS231n table: layer, activation values, weights (biases excluded). */
  private record Row(String layer, long activations, long weights) {}

  // CS231n VGG-16 table, rows in order (papers-inputs §8.3). The notes print rounded memory
  // (224·224·64 = 3,211,264 as "3.2M"); the exact products are used here.
  private static final List<Row> CS231N =
      List.of(
          new Row("conv1_1", 224L * 224 * 64, 1_728),
          new Row("conv1_2", 224L * 224 * 64, 36_864),
          new Row("pool1", 112L * 112 * 64, 0),
          new Row("conv2_1", 112L * 112 * 128, 73_728),
          new Row("conv2_2", 112L * 112 * 128, 147_456),
          new Row("pool2", 56L * 56 * 128, 0),
          new Row("conv3_1", 56L * 56 * 256, 294_912),
          new Row("conv3_2", 56L * 56 * 256, 589_824),
          new Row("conv3_3", 56L * 56 * 256, 589_824),
          new Row("pool3", 28L * 28 * 256, 0),
          new Row("conv4_1", 28L * 28 * 512, 1_179_648),
          new Row("conv4_2", 28L * 28 * 512, 2_359_296),
          new Row("conv4_3", 28L * 28 * 512, 2_359_296),
          new Row("pool4", 14L * 14 * 512, 0),
          new Row("conv5_1", 14L * 14 * 512, 2_359_296),
          new Row("conv5_2", 14L * 14 * 512, 2_359_296),
          new Row("conv5_3", 14L * 14 * 512, 2_359_296),
          new Row("pool5", 7L * 7 * 512, 0),
          new Row("fc6", 4_096, 102_760_448),
          new Row("fc7", 4_096, 16_777_216),
          new Row("fc8", 1_000, 4_096_000));

  @Test
  void vgg16MatchesTheCs231nTableLayerByLayer() {
    GraphStats s = Zoo.build("vgg16").stats();
    Map<String, NodeStats> byNode =
        s.nodes().stream()
            .collect(Collectors.toMap(NodeStats::node, n -> n, (a, b) -> a, LinkedHashMap::new));
    // INPUT 224x224x3 = 150K values, 0 weights
    assertThat(s.inputValues()).isEqualTo(150_528L);
    for (Row r : CS231N) {
      NodeStats n = byNode.get(r.layer());
      assertThat(n.activationValues()).as(r.layer() + " activations").isEqualTo(r.activations());
      long biases = r.weights() == 0 ? 0 : n.output().dim(1);
      assertThat(n.parameters())
          .as(r.layer() + " weights + biases")
          .isEqualTo(r.weights() + biases);
    }
    // Every other node (ReLU, dropout, flatten) is in place or a view: the table has no row for it.
    assertThat(
            s.nodes().stream()
                .filter(n -> CS231N.stream().noneMatch(r -> r.layer().equals(n.node())))
                .mapToLong(NodeStats::activationValues)
                .sum())
        .isZero();
    // The table's values sum to 15,237,608 (≈61 MB in FP32), not the notes' "24M ≈ 93 MB"
    // (papers-inputs §8.3 check [D]).
    assertThat(s.activationValues()).isEqualTo(15_237_608L);
    assertThat(s.activationBytes(4)).isEqualTo(60_950_432L);
  }

  @Test
  void vgg16NoteStatesTheComputedActivationSum() {
    long values = Zoo.build("vgg16").stats().activationValues();
    String sum = String.format(java.util.Locale.ROOT, "%,d", values);
    String mb = String.format(java.util.Locale.ROOT, "%.1f MB", values * 4 / 1e6);
    assertThat(Zoo.model("vgg16").notes())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains(sum, mb, "24M * 4 bytes ~= 93MB");
  }

  @Test
  void vgg16TotalsMatchPublishedCounts() {
    GraphStats s = Zoo.build("vgg16").stats();
    // 138,357,544 parameters: torchvision vgg16; papers-inputs §8.3 (weights 138,344,128 + biases
    // 13,416)
    assertThat(s.parameters()).isEqualTo(138_357_544L);
    // 15.47 G MACs at 224x224: papers-inputs §8.3 [D] (Sze: 15.5G; ResNet paper: 15.3G)
    assertThat(s.macs()).isEqualTo(15_470_264_320L);
  }

  @Test
  void vgg19() {
    GraphStats s = Zoo.build("vgg19").stats();
    // 143,667,240 parameters: torchvision vgg19 (issue 2; papers-inputs §8.8 cites VGG-19 at 19.6G)
    assertThat(s.parameters()).isEqualTo(143_667_240L);
    // ResNet paper §4: VGG-19 = 19.6 billion FLOPs (multiply-adds)
    assertThat(s.macs() / 1e9).isCloseTo(19.6, org.assertj.core.data.Offset.offset(0.05));
  }
}
