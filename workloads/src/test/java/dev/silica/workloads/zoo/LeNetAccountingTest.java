package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.ValueId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeNet-5 (1998) layer by layer against papers-inputs §8.1, and the Caffe LeNet-5 and LeNet-300-100
 * of Han et al. against LWC Table 2 (papers-inputs §3.2).
 *
 * <p>The 1998 paper counts "connections": every multiply plus every bias input, so for a
 * convolution or fully connected layer connections = MACs + bias additions, and for a subsampling
 * layer 4 window inputs + 1 bias per unit.
 */
class LeNetAccountingTest {
  private final ZooLayers lenet = new ZooLayers("lenet5");

  /** Connections of a convolution or fully connected layer: MACs plus one bias input per output. */
  private long connections(String... layers) {
    return lenet.macs(layers) + lenet.ops(layers);
  }

  @Test
  void c1() {
    assertThat(lenet.shape("c1")).isEqualTo(Shape.of(1, 6, 28, 28));
    // papers-inputs §8.1, C1: 156 trainable params, 122,304 connections
    assertThat(lenet.params("c1")).isEqualTo(156);
    assertThat(connections("c1")).isEqualTo(122_304);
  }

  @Test
  void s2() {
    assertThat(lenet.shape("s2")).isEqualTo(Shape.of(1, 6, 14, 14));
    // papers-inputs §8.1, S2: 12 trainable params (one coefficient and one bias per map)
    assertThat(lenet.params("s2")).isEqualTo(12);
    // (4 inputs + 1 bias) x 14x14x6 = 5,880 connections (LeCun 1998 §II-B, as transcribed): the
    // pool's four additions per unit plus the bias addition of the per-map scale
    assertThat(lenet.ops("s2_pool") + lenet.ops("s2")).isEqualTo(5_880);
  }

  @Test
  void c3FollowsTheConnectionTable() {
    assertThat(lenet.shape("c3")).isEqualTo(Shape.of(1, 16, 10, 10));
    // papers-inputs §8.1, C3: 1,516 trainable params and 151,600 connections; by group,
    // 6 x (3x25 + 1) = 456, 9 x (4x25 + 1) = 909, 1 x (6x25 + 1) = 151
    assertThat(lenet.params("c3_a")).isEqualTo(456);
    assertThat(lenet.params("c3_b")).isEqualTo(909);
    assertThat(lenet.params("c3_c")).isEqualTo(151);
    assertThat(lenet.params("c3_a", "c3_b", "c3_c")).isEqualTo(1_516);
    assertThat(connections("c3_a", "c3_b", "c3_c")).isEqualTo(151_600);
  }

  @Test
  void gatherIndicesAreTableOne() {
    List<Float> triples = lenet.graph.value(new ValueId("c3_triples.indices")).literal();
    List<Float> quads = lenet.graph.value(new ValueId("c3_quads.indices")).literal();
    // LeCun 1998 Table I: C3 map 0 reads S2 maps {0,1,2}, map 4 reads {4,5,0}; map 6 reads
    // {0,1,2,3}; map 12 reads the discontinuous {0,1,3,4}
    assertThat(triples.subList(0, 3)).containsExactly(0f, 1f, 2f);
    assertThat(triples.subList(12, 15)).containsExactly(4f, 5f, 0f);
    assertThat(quads.subList(0, 4)).containsExactly(0f, 1f, 2f, 3f);
    assertThat(quads.subList(24, 28)).containsExactly(0f, 1f, 3f, 4f);
    // Table I is balanced: every S2 map feeds exactly 10 of the 16 C3 maps (60 links in all)
    int[] fanOut = new int[6];
    for (int[] inputs : LeNet.C3_CONNECTIONS) {
      for (int s : inputs) {
        fanOut[s]++;
      }
    }
    assertThat(fanOut).containsOnly(10);
  }

  @Test
  void s4C5F6AndOutput() {
    assertThat(lenet.shape("s4")).isEqualTo(Shape.of(1, 16, 5, 5));
    assertThat(lenet.shape("c5")).isEqualTo(Shape.of(1, 120, 1, 1));
    assertThat(lenet.shape("f6")).isEqualTo(Shape.of(1, 84));
    assertThat(lenet.shape("output")).isEqualTo(Shape.of(1, 10));
    // papers-inputs §8.1: S4 32, C5 48,120, F6 10,164, output 10 RBF units x 84 inputs = 840
    assertThat(lenet.params("s4")).isEqualTo(32);
    assertThat(lenet.params("c5")).isEqualTo(48_120);
    assertThat(lenet.params("f6")).isEqualTo(10_164);
    assertThat(lenet.params("output")).isEqualTo(840);
    // C5 and F6 are fully connected to their inputs: connections = trainable params
    assertThat(connections("c5")).isEqualTo(48_120);
    assertThat(connections("f6")).isEqualTo(10_164);
  }

  @Test
  void totals() {
    // papers-inputs §8.1: 156 + 12 + 1,516 + 32 + 48,120 + 10,164 + 840 = 60,840 ("~60k")
    assertThat(lenet.stats.parameters()).isEqualTo(60_840);
    // Connections summed over the §8.1 rows: 122,304 + 5,880 + 151,600 + 2,000 + 48,120 + 10,164
    // + 840 = 340,908, the 1998 paper's total as quoted in papers-inputs §8.1 [U]
    long connections =
        connections("c1", "c3_a", "c3_b", "c3_c", "c5", "f6", "output")
            + lenet.ops("s2_pool", "s2", "s4_pool", "s4");
    assertThat(connections).isEqualTo(340_908);
    // MACs [D]: 117,600 + 1,176 (S2 scale) + 150,000 + 400 (S4 scale) + 48,000 + 10,080 + 840.
    // Sze's "341k MACs" (papers-inputs §8.1) is the connection count above.
    assertThat(lenet.stats.macs()).isEqualTo(328_096);
  }

  @Test
  void lenet5Caffe() {
    ZooLayers caffe = new ZooLayers("lenet5-caffe");
    assertThat(caffe.shape("pool2")).isEqualTo(Shape.of(1, 50, 4, 4));
    // LWC Table 2 / DC Table 2 (papers-inputs §3.2), LeNet-5 weights: conv1 0.5K, conv2 25K,
    // ip1 400K, ip2 5K; FLOP (2 per MAC) 576K, 3200K, 800K, 10K
    assertThat(caffe.weights("conv1")).isEqualTo(500);
    assertThat(caffe.weights("conv2")).isEqualTo(25_000);
    assertThat(caffe.weights("ip1")).isEqualTo(400_000);
    assertThat(caffe.weights("ip2")).isEqualTo(5_000);
    assertThat(2 * caffe.macs("conv1")).isEqualTo(576_000);
    assertThat(2 * caffe.macs("conv2")).isEqualTo(3_200_000);
    assertThat(2 * caffe.macs("ip1")).isEqualTo(800_000);
    assertThat(2 * caffe.macs("ip2")).isEqualTo(10_000);
    // "431K" weights (LWC Table 1/2): 430,500 weights + 580 biases
    assertThat(caffe.weights("conv1", "conv2", "ip1", "ip2")).isEqualTo(430_500);
    assertThat(caffe.stats.parameters()).isEqualTo(431_080);
    // Sze (papers-inputs §8.1): 2.3M MACs; exactly 2,293,000 [D]
    assertThat(caffe.stats.macs()).isEqualTo(2_293_000);
  }

  @Test
  void lenet300100() {
    ZooLayers fc = new ZooLayers("lenet-300-100");
    // LWC Table 2 (papers-inputs §3.2): ip1 235K, ip2 30K, ip3 1K weights; FLOP 470K, 60K, 2K
    assertThat(fc.weights("ip1")).isEqualTo(235_200);
    assertThat(fc.weights("ip2")).isEqualTo(30_000);
    assertThat(fc.weights("ip3")).isEqualTo(1_000);
    assertThat(2 * fc.macs("ip1", "ip2", "ip3")).isEqualTo(532_400); // "532K" FLOP
    // 266K weights (LWC Table 2; papers-inputs §8.1); with 410 biases 266,610 ("267K", LWC Table 1)
    assertThat(fc.weights("ip1", "ip2", "ip3")).isEqualTo(266_200);
    assertThat(fc.stats.parameters()).isEqualTo(266_610);
    assertThat(fc.shape("ip3")).isEqualTo(Shape.of(1, 10));
  }
}
