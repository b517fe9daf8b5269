package dev.silica.workloads.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Add;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.GraphBuilder;
import dev.silica.workloads.ir.Shape;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.ir.Transpose;
import dev.silica.workloads.ir.ValueId;
import dev.silica.workloads.tensor.Npy;
import dev.silica.workloads.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
  private static Graph graph() {
    GraphBuilder b = new GraphBuilder("g");
    ValueId x = b.input("x", TensorType.f32(2, 3));
    ValueId y = b.input("y", TensorType.f32(3));
    ValueId i = b.input("idx", new TensorType(DType.I64, Shape.of(2, 2)));
    return b.output(b.apply("blk/sum", new Add(), x, y), b.apply("t", Transpose.of(1, 0), i))
        .build();
  }

  @Test
  void inputsFromFilesRunAndOutputsToFiles(@TempDir Path dir) throws Exception {
    Graph g = graph();
    Npy.write(dir.resolve("x.npy"), Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f));
    Npy.write(dir.resolve("y.npy"), Tensor.of(Shape.of(3), 10.0, 20.0, 30.0));
    Npy.write(dir.resolve("i.npy"), Tensor.of(Shape.of(2, 2), 1L, 2L, 3L, 1L << 40));
    Map<ValueId, Tensor> in =
        RunFiles.readInputs(
            g, List.of(dir.resolve("x.npy"), dir.resolve("y.npy"), dir.resolve("i.npy")));
    Map<ValueId, Tensor> out;
    try (ReferenceExecutor ex = new ReferenceExecutor()) {
      out = ex.run(g, in, new Weights());
    }
    List<Path> files = RunFiles.writeOutputs(dir.resolve("out"), out);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("blk_sum.npy", "t.npy");
    assertThat(Npy.read(files.get(0)))
        .isEqualTo(Tensor.of(Shape.of(2, 3), 11f, 22f, 33f, 14f, 25f, 36f));
    // integer data through a double-evaluated kernel comes back as exact i64
    assertThat(Npy.read(files.get(1))).isEqualTo(Tensor.of(Shape.of(2, 2), 1L, 3L, 2L, 1L << 40));
  }

  @Test
  void mismatchedInputsAreNamed(@TempDir Path dir) throws Exception {
    Graph g = graph();
    Path wrong = dir.resolve("w.npy");
    Npy.write(wrong, Tensor.of(Shape.of(3, 2), new float[6]));
    assertThatThrownBy(() -> RunFiles.readInputs(g, List.of(wrong)))
        .isInstanceOf(ExecException.class)
        .hasMessageContaining("3 input(s)");
    assertThatThrownBy(() -> RunFiles.readInputs(g, List.of(wrong, wrong, wrong)))
        .hasMessageStartingWith("%x: declared f32[2,3], given f32[3,2] (from ");
  }
}
