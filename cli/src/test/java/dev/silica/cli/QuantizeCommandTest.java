package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.exec.SeededInit;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.onnx.InitializerData;
import dev.silica.workloads.onnx.OnnxExporter;
import dev.silica.workloads.tensor.Npy;
import dev.silica.workloads.tensor.Tensor;
import dev.silica.workloads.zoo.Zoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantizeCommandTest {
  @TempDir Path tmp;

  @Test
  void printsThePerLayerTableAndWritesOutputs() throws Exception {
    CliRun r =
        CliRun.of(
                "quantize",
                "lenet-300-100",
                "--numerics",
                "int8",
                "--seed",
                "3",
                "-o",
                tmp.toString(),
                "--threads",
                "2")
            .succeeds();
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("lenet-300-100 under numerics 'int8', calibration max, seed 3");
    assertThat(lines[1])
        .startsWith("layer")
        .contains(
            "weight_format",
            "activation_format",
            "accumulator_format",
            "arithmetic",
            "sqnr_db",
            "max_abs_error");
    assertThat(r.out()).containsPattern("ip1 +gemm +int8\\(s=[0-9.e-]+\\) +int8\\(s=");
    assertThat(r.out()).contains("int32:wrap", " mac ");
    Path outFile;
    try (var files = Files.list(tmp)) {
      outFile = files.filter(p -> p.toString().endsWith(".npy")).findFirst().orElseThrow();
    }
    assertThat(r.out()).contains("sqnr_db=").contains("-> " + outFile);
    assertThat(Npy.read(outFile).size()).isEqualTo(10);
  }

  @Test
  void sameResultForAnyThreadCountAndPercentileCalibration() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CliRun one =
        CliRun.of(
                "quantize",
                "lenet5-caffe",
                "--numerics",
                "fixed12",
                "--calibration",
                "percentile:99.99",
                "-o",
                a.toString(),
                "--threads",
                "1")
            .succeeds();
    CliRun three =
        CliRun.of(
                "quantize",
                "lenet5-caffe",
                "--numerics",
                "fixed12",
                "--calibration",
                "percentile:99.99",
                "-o",
                b.toString(),
                "--threads",
                "3")
            .succeeds();
    assertThat(three.out().replace(b.toString(), a.toString())).isEqualTo(one.out());
    assertThat(one.out()).contains("calibration percentile:99.99");
  }

  @Test
  void readsAYamlPlan() throws Exception {
    Path plan =
        Files.writeString(
            tmp.resolve("plan.yaml"),
            """
            version: 1
            kind: numerics
            default: q8.8
            layers:
              ip1: {weights: q2.14, activations: q6.10}
            """);
    CliRun r =
        CliRun.of("quantize", "lenet-300-100", "--numerics", plan.toString(), "-o", tmp.toString())
            .succeeds();
    assertThat(r.out()).containsPattern("ip1 +gemm +q2\\.14 +q6\\.10 +q[0-9]+\\.[0-9]+ +mac");
    assertThat(r.out()).containsPattern("ip2 +gemm +q8\\.8 +q8\\.8 +q[0-9]+\\.[0-9]+ +mac");
  }

  @Test
  void importedOnnxModelsRunWithTheirOwnWeights() throws Exception {
    Graph g = Zoo.build("lenet-300-100");
    Map<ValueId, InitializerData> data = new LinkedHashMap<>();
    SeededInit.forGraph(g, 99)
        .asMap()
        .forEach((id, t) -> data.put(id, InitializerData.ofFloats(t.shape().dims(), t.floats())));
    Path model = tmp.resolve("m.onnx");
    OnnxExporter.write(g, data, model);
    Path x = writeInput(g);
    Path o1 = tmp.resolve("o1");
    Path o2 = tmp.resolve("o2");
    Path zoo = tmp.resolve("zoo");
    // the file's weights are used whatever the seed, so seeds 1 and 2 give the zoo model's seed-99
    // outputs
    for (String[] run :
        new String[][] {
          {model.toString(), "1", o1.toString()},
          {model.toString(), "2", o2.toString()},
          {"lenet-300-100", "99", zoo.toString()}
        }) {
      CliRun.of(
              "quantize",
              run[0],
              "--numerics",
              "bf16",
              "--seed",
              run[1],
              "--input",
              x.toString(),
              "-o",
              run[2])
          .succeeds();
    }
    Tensor y1 = Npy.read(o1.resolve("ip3.npy"));
    assertThat(Npy.read(o2.resolve("ip3.npy")).floats()).containsExactly(y1.floats());
    assertThat(Npy.read(zoo.resolve("ip3.npy")).floats()).containsExactly(y1.floats());
  }

  private Path writeInput(Graph g) throws Exception {
    Path in = tmp.resolve("x.npy");
    Npy.write(in, SeededInit.inputs(g, 1).values().iterator().next());
    return in;
  }

  @Test
  void badInputIsOneLine() throws Exception {
    assertThat(CliRun.of("quantize", "lenet5-caffe", "--numerics", "q5.40").failsWithOneLine())
        .isEqualTo(
            "silica: numerics plan 'q5.40': item 'q5.40': numeric format 'q5.40': total width must"
                + " be <= 32 bits, got 45");
    assertThat(
            CliRun.of("quantize", "lenet5-caffe", "--numerics", "int8,conv9=q4.4")
                .failsWithOneLine())
        .startsWith(
            "silica: numerics plan 'int8,conv9=q4.4': layer 'conv9' is not a node of lenet5-caffe"
                + " (expected one of: conv1, ");
    assertThat(
            CliRun.of("quantize", "lenet5-caffe", "--numerics", "int8", "--calibration", "mean")
                .failsWithOneLine())
        .isEqualTo(
            "silica: --calibration: calibration 'mean': unknown method (expected one of: max,"
                + " percentile:P)");
    Path bad =
        Files.writeString(
            tmp.resolve("bad.yaml"),
            """
            version: 1
            kind: numerics
            default: int8
            layers:
              conv1: {weights: int-4}
            """);
    assertThat(
            CliRun.of("quantize", "lenet5-caffe", "--numerics", bad.toString()).failsWithOneLine())
        .isEqualTo(
            "silica: "
                + bad
                + ":5: layers.conv1.weights: numeric format 'int-4': width must be >= 1 bit, got -4");
    assertThat(CliRun.of("quantize", "lenet5-caffe").failsWithOneLine()).contains("--numerics");
  }
}
