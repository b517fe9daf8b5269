package dev.silica.workloads.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphStats;
import dev.silica.workloads.ir.TensorType;
import org.junit.jupiter.api.Test;

/** Tiny YOLOv2 (VOC), darknet cfg/yolov2-tiny-voc.cfg. */
class YoloAccountingTest {
  private final Graph g = Zoo.build("yolo-tiny");
  private final GraphStats s = g.stats();

  @Test
  void outputIsTheThirteenByThirteenRegionTensor() {
    // darknet layer listing: "14 conv 125 1 x 1 / 1 13 x 13 x1024 -> 13 x 13 x 125"
    assertThat(g.type(g.outputs().getFirst())).isEqualTo(TensorType.f32(1, 125, 13, 13));
    // pool6 (2x2 stride 1, SAME) keeps 13x13: "11 max 2 x 2 / 1 13 x 13 x 512 -> 13 x 13 x 512"
    assertThat(g.type(g.node("pool6").output())).isEqualTo(TensorType.f32(1, 512, 13, 13));
  }

  @Test
  void parameters() {
    long convWeights =
        3L * 16 * 9 // 432 (darknet load_convolutional_weights: l.n*l.c*l.size*l.size = 432)
            + 16L * 32 * 9 // 4,608
            + 32L * 64 * 9 // 18,432
            + 64L * 128 * 9 // 73,728
            + 128L * 256 * 9 // 294,912
            + 256L * 512 * 9 // 1,179,648
            + 512L * 1024 * 9 // 4,718,592
            + 1024L * 1024 * 9 // 9,437,184
            + 1024L * 125; // 128,000   -> 15,855,536
    long bnScaleShift = 2L * (16 + 32 + 64 + 128 + 256 + 512 + 1024 + 1024); // 6,112
    long lastBias = 125;
    // 15,861,773 ≈ the "15.86M" quoted for tiny-yolo-voc: BN scale and shift counted, BN running
    // mean/var (another 6,112, stored in darknet's .weights file) are buffers, and only conv9 has
    // a bias [derived].
    assertThat(s.parameters())
        .isEqualTo(convWeights + bnScaleShift + lastBias)
        .isEqualTo(15_861_773L);
    assertThat(s.buffers()).isEqualTo(bnScaleShift);
  }

  @Test
  void macsMatchDarknetBflopsAtTwoFlopsPerMac() {
    // darknet prints 2·n·k²·c·out_h·out_w per conv (pjreddie/darknet issue #689): for this cfg
    // conv7 1.595, conv8 3.190, conv9 0.043 BFLOPs, total 6.97 BFLOPs -> 3.485 G MACs.
    long darknetMacs = 6_970_000_000L / 2;
    assertThat(s.macs()).isBetween(darknetMacs * 98 / 100, darknetMacs * 102 / 100);
    // exact: 74,760,192 (conv1) + 5 × 199,360,512 (conv2..conv6) + 797,442,048 (conv7)
    //        + 1,594,884,096 (conv8) + 21,632,000 (conv9) [derived]
    assertThat(s.macs()).isEqualTo(3_485_520_896L);
    // darknet: "13 conv 1024 3 x 3 / 1 13 x 13 x1024 -> 13 x 13 x1024 3.190 BFLOPs"
    assertThat(2 * nodeMacs("conv8")).isEqualTo(3_189_768_192L);
  }

  private long nodeMacs(String node) {
    return s.nodes().stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow().macs();
  }
}
