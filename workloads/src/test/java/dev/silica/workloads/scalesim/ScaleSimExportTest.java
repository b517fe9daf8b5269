package dev.silica.workloads.scalesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.scalesim.ScaleSimExport.Skipped;
import dev.silica.workloads.scalesim.ScaleSimTopology.Format;
import dev.silica.workloads.zoo.Zoo;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Zoo networks exported in SCALE-Sim form, as its users prepare them by hand. */
class ScaleSimExportTest {

  /**
   * Conservation: the rows' MACs plus the skipped nodes' MACs are the network's MACs, and the
   * written CSV reads back to rows with the same MACs (SCALE-Sim's output-size rounding included).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "vgg16",
        "resnet50",
        "resnext50_32x4d",
        "densenet121",
        "yolo-tiny",
        "bert-base-layer",
        "fcn"
      })
  void exportKeepsEveryMac(String model) {
    Graph g = Zoo.build(model);
    ScaleSimExport e = ScaleSimTopology.export(g);
    assertThat(e.topology().macs() + e.skippedMacs()).isEqualTo(g.stats().macs());
    ScaleSimTopology back =
        ScaleSimTopology.parse(new StringReader(e.topology().toCsv()), model + ".csv");
    assertThat(back.layers()).isEqualTo(e.topology().layers());
    assertThat(back.toGraph().stats().macs()).isEqualTo(e.topology().macs());
    // every node is accounted for: rows named after it (possibly split) or a skipped entry
    List<String> rows = e.topology().layers().stream().map(ScaleSimLayer::name).toList();
    List<String> skipped = e.skipped().stream().map(Skipped::node).toList();
    for (Node n : g.nodes()) {
      assertThat(skipped.contains(n.name()) || rows.stream().anyMatch(r -> r.startsWith(n.name())))
          .as(n.name() + " exported or skipped")
          .isTrue();
    }
  }

  @Test
  void vgg16FoldsPaddingAndSkipsEverythingElseWithAReason() {
    Graph g = Zoo.build("vgg16");
    ScaleSimExport e = ScaleSimTopology.export(g);
    ScaleSimTopology t = e.topology();
    assertThat(t.format()).isEqualTo(Format.CONV);
    // 13 convolutions and 3 fully connected layers (VGG-16 configuration D)
    assertThat(t.layers()).hasSize(16);
    // 3x3 pad 1 stride 1: 224 + 1 + 1 = 226, as SCALE-Sim users write it; 224x224 outputs
    assertThat(t.layers().getFirst()).isEqualTo(new ConvLayer("conv1_1", 226, 226, 3, 3, 3, 64, 1));
    assertThat(((ConvLayer) t.layers().getFirst()).outputHeight()).isEqualTo(224);
    // fc6 as a pointwise convolution: 1 pixel, 25088 channels, 4096 filters
    assertThat(t.layers().get(13)).isEqualTo(new ConvLayer("fc6", 1, 1, 1, 1, 25088, 4096, 1));
    assertThat(e.notes()).contains("conv1_1: padding 1 folded into the ifmap, 224x224 -> 226x226");
    // nothing with MACs is skipped; the rest is listed with a reason
    assertThat(e.skippedMacs()).isZero();
    Map<String, Skipped> skipped =
        e.skipped().stream().collect(Collectors.toMap(Skipped::node, Function.identity()));
    assertThat(skipped.get("pool1").reason())
        .isEqualTo(
            "maxpool does no multiply-accumulates; a SCALE-Sim topology holds only conv2d, gemm"
                + " and matmul layers");
    assertThat(skipped).containsKeys("conv1_1_relu", "pool5", "drop6");
    assertThat(e.skipped().size() + t.layers().size()).isEqualTo(g.nodes().size());
    // 15.47 G MACs at 224x224 (papers-inputs §8.3 [D]), all of them in the rows
    assertThat(t.macs()).isEqualTo(g.stats().macs());
  }

  @Test
  void resnet50StemKeepsOnlyTheRowsItsWindowsReach() {
    ScaleSimExport e = ScaleSimTopology.export(Zoo.build("resnet50"));
    // 7x7 stride 2 pad 3: 224 + 3 + 3 = 230 would give SCALE-Sim ceil((230 - 7 + 2) / 2) = 113
    // rows, not torchvision's 112; the 229 rows the windows reach give 112
    ConvLayer stem = (ConvLayer) e.topology().layers().getFirst();
    assertThat(stem).isEqualTo(new ConvLayer("conv1", 229, 229, 7, 7, 3, 64, 2));
    assertThat(stem.outputHeight()).isEqualTo(112);
    assertThat(e.notes().getFirst())
        .isEqualTo(
            "conv1: padding 3 folded into the ifmap, 224x224 -> 229x229 (only the rows and columns"
                + " the windows reach: 230x230 would give SCALE-Sim, which rounds the output size"
                + " up, 113x113 outputs instead of 112x112)");
    // 53 convolutions (incl. 4 downsample projections) and the classifier
    assertThat(e.topology().layers()).hasSize(54);
  }

  @Test
  void groupedAndDepthwiseConvolutions() {
    ScaleSimExport e = ScaleSimTopology.export(Zoo.build("resnext50_32x4d"));
    List<String> names = e.topology().layers().stream().map(ScaleSimLayer::name).toList();
    // the 32-group 3x3 of the first block: 32 rows of 4 channels into 4 filters
    assertThat(names).contains("layer1.b0.conv2_g0", "layer1.b0.conv2_g31");
    assertThat(names).doesNotContain("layer1.b0.conv2", "layer1.b0.conv2_g32");
    assertThat(e.topology().layers().get(names.indexOf("layer1.b0.conv2_g0")))
        .isEqualTo(new ConvLayer("layer1.b0.conv2_g0", 58, 58, 3, 3, 4, 4, 1));
    assertThat(e.notes()).contains("layer1.b0.conv2: groups 32 written as 32 rows, one per group");

    // depthwise: one row that SCALE-Sim splits per channel, marked with 'DP'; a dense layer whose
    // name happens to contain 'DP' is renamed so that SCALE-Sim does not split it
    GraphBuilder b = new GraphBuilder("mobile");
    ValueId x = b.input("x", TensorType.f32(1, 32, 112, 112));
    ValueId dw = b.parameter("dw.weight", TensorType.f32(32, 1, 3, 3));
    ValueId y = b.apply("dw", Conv2d.of(1, 1, 32), x, dw);
    ValueId pw = b.parameter("pwDP.weight", TensorType.f32(64, 32, 1, 1));
    ValueId z = b.apply("pwDP", Conv2d.of(1, 0), y, pw);
    Graph mobile = b.output(z).build();
    ScaleSimExport m = ScaleSimTopology.export(mobile);
    assertThat(m.topology().layers())
        .containsExactly(
            new ConvLayer("dw_DP", 114, 114, 3, 3, 32, 1, 1),
            new ConvLayer("pwDp", 112, 112, 1, 1, 32, 64, 1));
    assertThat(m.notes())
        .containsExactly(
            "dw: padding 1 folded into the ifmap, 112x112 -> 114x114",
            "dw: written as 'dw_DP' so that SCALE-Sim simulates it as depthwise",
            "pwDP: written as 'pwDp' so that SCALE-Sim does not simulate it as depthwise");
    assertThat(m.topology().macs()).isEqualTo(mobile.stats().macs());
  }

  @Test
  void networkWithoutConvolutionOrMatrixProductCannotBeExported() {
    assertThatThrownBy(() -> ScaleSimTopology.export(Zoo.build("dcgan-generator")))
        .isInstanceOf(IrException.class)
        .hasMessageStartingWith(
            "dcgan-generator: no convolution or matrix-multiply layer to export (skipped:"
                + " [main.deconv1 (conv_transpose2d): conv_transpose2d has 819200 MACs but no"
                + " SCALE-Sim form;");
  }

  @Test
  void transformerLayerIsWrittenAsGemmRows() {
    Graph g = Zoo.build("bert-base-layer");
    ScaleSimExport e = ScaleSimTopology.export(g);
    assertThat(e.topology().format()).isEqualTo(Format.GEMM);
    assertThat(e.topology().layers()).allMatch(l -> l instanceof GemmLayer);
    // attention's per-head products have no shared operand: one row per head
    assertThat(e.notes()).anyMatch(n -> n.contains("batched matmul written as 12 rows"));
    assertThat(e.skippedMacs()).isZero();
    assertThat(e.topology().macs()).isEqualTo(g.stats().macs());
  }

  @Test
  void transposedConvolutionsAreSkippedWithTheirMacs() {
    Graph g = Zoo.build("fcn");
    ScaleSimExport e = ScaleSimTopology.export(g, Format.GEMM);
    assertThat(e.skipped()).anyMatch(s -> s.kind().equals("conv_transpose2d") && s.macs() > 0);
    assertThat(e.skippedMacs()).isEqualTo(g.stats().macs() - e.topology().macs());
  }
}
