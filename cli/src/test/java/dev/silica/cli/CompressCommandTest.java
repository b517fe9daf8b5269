package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompressCommandTest {
  @Test
  void printsTheLayerTableAndBothRatios() {
    CliRun r = CliRun.of("compress", "lenet-300-100", "--profile", "deep-compression").succeeds();
    // LeNet-300-100's three FC layers (papers-inputs §3.2), then the total with P+Q and P+Q+H
    assertThat(r.out()).contains("ip1", "ip2", "ip3").containsPattern("total: .* P\\+Q [0-9.]+x");
    assertThat(r.out()).containsPattern("P\\+Q\\+H [0-9.]+x");
  }

  @Test
  void badInputIsOneLine() {
    assertThat(CliRun.of("compress", "resnet50").failsWithOneLine())
        .isEqualTo(
            "silica: resnet50: the deep-compression profile covers only alexnet, vgg16,"
                + " lenet-300-100, lenet5-caffe (the networks of the paper's tables)");
    assertThat(CliRun.of("compress", "alexnet", "--profile", "ttq").failsWithOneLine())
        .isEqualTo("silica: --profile: unknown profile 'ttq' (expected one of: deep-compression)");
  }

  @Test
  void trainedWeightsComeFromAnOnnxFileByName(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
    // weights exported from seed 5 and read back give the same report as seeding with 5
    dev.silica.workloads.ir.Graph g = dev.silica.workloads.zoo.Zoo.build("lenet-300-100");
    java.util.Map<dev.silica.workloads.ir.ValueId, dev.silica.workloads.onnx.InitializerData> data =
        new java.util.LinkedHashMap<>();
    dev.silica.workloads.exec.SeededInit.forGraph(g, 5)
        .asMap()
        .forEach((id, t) ->
            data.put(
                id,
                dev.silica.workloads.onnx.InitializerData.ofFloats(t.shape().dims(), t.floats())));
    java.nio.file.Path file = tmp.resolve("lenet-300-100.onnx");
    dev.silica.workloads.onnx.OnnxExporter.write(g, data, file);
    String seeded = CliRun.of("compress", "lenet-300-100", "--seed", "5").succeeds().out();
    String trained =
        CliRun.of("compress", "lenet-300-100", "--seed", "5", "--weights", file.toString())
            .succeeds()
            .out();
    assertThat(trained).startsWith("weights: " + file + " (trained)");
    assertThat(trained.substring(trained.indexOf('\n') + 1)).isEqualTo(seeded);
    assertThat(
            CliRun.of("compress", "lenet5-caffe", "--weights", file.toString()).failsWithOneLine())
        .isEqualTo("silica: " + file + ": 'ip1.weight' must have shape [500,800], got [300, 784]");
  }
}
