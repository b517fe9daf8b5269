package dev.silica.workloads.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageReportTest {
  private static final long SEED = 2016;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // model, published P+Q, published P+Q+H, published pruning (weights) rate
    // DC Table 4 / papers-inputs §3.3: AlexNet 27x P+Q, 35x P+Q+H; LWC 9x
    "alexnet, 27, 35, 9",
    // DC Table 5 / papers-inputs §3.4: VGG-16 31x, 49x; LWC 13x
    "vgg16, 31, 49, 13",
    // DC Table 2 / papers-inputs §3.2: LeNet-300-100 32x, 40x; LWC 12x
    "lenet-300-100, 32, 40, 12",
    // DC Table 3 / papers-inputs §3.2: LeNet-5 33x, 39x; LWC 12x
    "lenet5-caffe, 33, 39, 12"
  })
  void deepCompressionTotals(String model, double pq, double pqh, double prune) {
    StorageReport r = StorageReport.deepCompression(model, SEED);
    StorageReport.Totals t = r.totals();
    System.out.print(r.toTable());
    System.out.printf(
        Locale.ROOT,
        "%s: P+Q %.2fx, weights only %.2fx (paper %.0fx, %+.1f%%), P+Q+H on seeded weights %.2fx, density init %.2fx (paper %.0fx), pruning %.2fx (paper %.0fx)%n%n",
        model,
        t.pqRatio(),
        t.pqRatioWeightsOnly(),
        pq,
        100 * (t.pqRatioWeightsOnly() / pq - 1),
        t.pqhRatio(),
        t.pqhDensityRatio(),
        pqh,
        t.pruneRate(),
        prune);
    // P+Q follows from the keep ratios, bit widths and index overhead: within 10% of the paper,
    // weights only (DC's convention) and with the dense 32-bit biases added
    assertThat(t.pqRatioWeightsOnly()).isBetween(pq * 0.9, pq * 1.1);
    assertThat(t.pqRatio()).isBetween(pq * 0.9, pq * 1.1);
    // Huffman never loses; its gain on seeded weights is printed beside the paper's, not asserted
    // (it depends on the weight distribution, see StorageReport's class comment)
    assertThat(t.pqhRatio()).isGreaterThan(t.pqRatio());
    assertThat(t.pqhDensityRatio()).isGreaterThan(t.pqRatio());
    // biases only add bits
    assertThat(t.pqRatio()).isLessThan(t.pqRatioWeightsOnly());
    assertThat(t.nonZeros()).isLessThan(t.weights());
  }

  @Test
  void alexnetLayerRatesTrackDcTable4() {
    // DC Table 4 (papers-inputs §3.3) P+Q compress rate per layer: conv1 32.6%, fc6 3.0%
    StorageReport r = StorageReport.deepCompression("alexnet", SEED);
    StorageReport.LayerReport conv1 = r.layers().get(0);
    StorageReport.LayerReport fc6 = r.layers().get(5);
    assertThat(conv1.layer()).isEqualTo("conv1");
    assertThat(fc6.layer()).isEqualTo("fc6");
    // conv1: 84% kept, 8+4 bits, 256·32 codebook on 34,848 weights: 0.84·12/32 + 8192/1,115,136 ≈
    // 32.2%
    assertThat(conv1.pqRate()).isBetween(0.326 * 0.9, 0.326 * 1.1);
    // fc6: 9% kept, 5+4 bits; geometric runs over 16 positions add (0.91^16)/(1 − 0.91^16) ≈ 0.30
    // fillers per non-zero: 0.09·1.30·9/32 ≈ 3.3% (paper 3.0%)
    double q = Math.pow(0.91, 16);
    assertThat((double) fc6.fillers() / fc6.nonZeros())
        .isBetween(q / (1 - q) - 0.01, q / (1 - q) + 0.01);
    assertThat(fc6.pqRate()).isBetween(0.030 * 0.9, 0.030 * 1.15);
  }

  @Test
  void unknownModelAndLayerListTheValidOnes() {
    assertThatThrownBy(() -> CompressionProfile.deepCompression("resnet50"))
        .hasMessageContaining("alexnet, vgg16, lenet-300-100, lenet5-caffe");
    assertThatThrownBy(() -> CompressionProfile.deepCompression("alexnet").layer("conv9"))
        .hasMessageContaining("expected one of: [conv1, conv2");
  }
}
