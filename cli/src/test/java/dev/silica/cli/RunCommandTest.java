package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.tensor.Npy;
import dev.silica.workloads.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  /** A tiny IR file: y = relu(x · Wᵀ + b) with a 3-wide input. */
  private Path tinyGraph() throws Exception {
    return Files.writeString(
        tmp.resolve("tiny.sir"),
        """
        graph tiny {
          input %x: f32[2,3]
          param %fc.weight: f32[4,3]
          param %fc.bias: f32[4]
          %fc = gemm(%x, %fc.weight, %fc.bias) {trans_a=false, trans_b=true, alpha=1.0, beta=1.0}: f32[2,4]
          %y = relu(%fc): f32[2,4]
          output %y
        }
        """);
  }

  @Test
  void writesEveryOutputAsNpyAndIsDeterministic() throws Exception {
    Path out1 = tmp.resolve("a");
    Path out2 = tmp.resolve("b");
    CliRun r =
        CliRun.of("run", "dcgan-discriminator", "--seed", "7", "-o", out1.toString()).succeeds();
    assertThat(r.out()).contains("%main.sigmoid: f32[1,1,1,1] -> ");
    CliRun.of("run", "dcgan-discriminator", "--seed", "7", "-o", out2.toString(), "--threads", "1")
        .succeeds();
    byte[] a = Files.readAllBytes(out1.resolve("main.sigmoid.npy"));
    assertThat(a).isEqualTo(Files.readAllBytes(out2.resolve("main.sigmoid.npy")));
    Tensor y = Npy.read(out1.resolve("main.sigmoid.npy"));
    assertThat(y.shape()).isEqualTo(Shape.of(1, 1, 1, 1));
    // a sigmoid output lies in (0, 1)
    assertThat(y.floats()[0]).isStrictlyBetween(0f, 1f);
  }

  @Test
  void readsGivenInputs() throws Exception {
    Path in = tmp.resolve("x.npy");
    // relu(x·Wᵀ + b) with x = 0 is relu(b): every row equals relu(bias)
    Npy.write(in, Tensor.zeros(DType.F32, Shape.of(2, 3)));
    CliRun.of("run", tinyGraph().toString(), "--input", in.toString(), "-o", tmp.toString())
        .succeeds();
    float[] y = Npy.read(tmp.resolve("y.npy")).floats();
    for (int j = 0; j < 4; j++) {
      assertThat(y[j]).isEqualTo(y[4 + j]).isGreaterThanOrEqualTo(0f);
    }
  }

  @Test
  void badInputIsOneLine() throws Exception {
    String graph = tinyGraph().toString();
    assertThat(CliRun.of("run", graph, "--precision", "fp8").failsWithOneLine())
        .isEqualTo("silica: --precision: must be fp32 or fp64, got 'fp8'");
    Path wrong = tmp.resolve("wrong.npy");
    Npy.write(wrong, Tensor.zeros(DType.F32, Shape.of(5)));
    assertThat(CliRun.of("run", graph, "--input", wrong.toString()).failsWithOneLine())
        .startsWith("silica: ")
        .contains("%x");
    Path dir = tmp.resolve("taken");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("y.npy"), "precious");
    assertThat(CliRun.of("run", graph, "-o", dir.toString()).failsWithOneLine())
        .isEqualTo(
            "silica: " + dir.resolve("y.npy") + " already exists; use --force to overwrite it");
    assertThat(Files.readString(dir.resolve("y.npy"))).isEqualTo("precious");
  }

  @Test
  void anOnnxFileRunsWithItsOwnInitializers() throws Exception {
    // y = relu(x·Wᵀ + b) with W = [[1, 2, 3], [0, 0, 0], [-1, 0, 1], [1, 1, 1]], b = [0, 1, 0, -10]
    dev.silica.workloads.ir.Graph g =
        dev.silica.workloads.text.IrParser.parse(Files.readString(tinyGraph()), "tiny.sir");
    Path model = tmp.resolve("tiny.onnx");
    dev.silica.workloads.onnx.OnnxExporter.write(
        g,
        java.util.Map.of(
            new dev.silica.workloads.ir.ValueId("fc.weight"),
            dev.silica.workloads.onnx.InitializerData.ofFloats(
                java.util.List.of(4, 3), 1, 2, 3, 0, 0, 0, -1, 0, 1, 1, 1, 1),
            new dev.silica.workloads.ir.ValueId("fc.bias"),
            dev.silica.workloads.onnx.InitializerData.ofFloats(java.util.List.of(4), 0, 1, 0, -10)),
        model);
    Path in = tmp.resolve("x.npy");
    Npy.write(in, Tensor.of(Shape.of(2, 3), new float[] {1, 1, 1, 2, 0, 5}));
    CliRun.of("run", model.toString(), "--input", in.toString(), "-o", tmp.toString()).succeeds();
    // row 0: [6, 1, 0, relu(3 − 10)], row 1: [17, 1, 3, relu(7 − 10)], by hand
    assertThat(Npy.read(tmp.resolve("y.npy")).floats())
        .containsExactly(6f, 1f, 0f, 0f, 17f, 1f, 3f, 0f);
  }
}
