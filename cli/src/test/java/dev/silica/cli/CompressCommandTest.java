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
}
