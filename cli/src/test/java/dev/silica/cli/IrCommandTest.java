package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.text.IrParser;
import dev.silica.workloads.text.IrPrinter;
import dev.silica.workloads.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code silica ir print|check}, round-tripping zoo models through {@link IrPrinter} and {@link
 * IrParser}. The tests rely only on the printer/parser contract ({@code parse(print(g)).equals(g)};
 * parse errors are {@code source:line:col: message}) and on tensor types printing as {@code
 * f32[64,3,3,3]}, not on the rest of the syntax.
 */
class IrCommandTest {
  @TempDir Path tmp;

  @Test
  void printWritesTheTextFormOfAZooModel() {
    CliRun r = CliRun.of("ir", "print", "vgg16").succeeds();
    assertThat(r.out()).isEqualTo(IrPrinter.print(Zoo.build("vgg16")));
    assertThat(IrParser.parse(r.out(), "stdout")).isEqualTo(Zoo.build("vgg16"));
  }

  @Test
  void printToAFileThenCheckIt() throws IOException {
    Path file = tmp.resolve("vgg16.sir");
    CliRun r = CliRun.of("ir", "print", "vgg16", "-o", file.toString()).succeeds();
    assertThat(r.out()).isEqualTo("wrote " + file + " (graph vgg16, 39 nodes)\n");
    assertThat(IrParser.parse(Files.readString(file), file.toString()))
        .isEqualTo(Zoo.build("vgg16"));

    CliRun check = CliRun.of("ir", "check", file.toString()).succeeds();
    // vgg16: 138,357,544 params (torchvision; papers-inputs §8.3); 15.47 G MACs (§8.3 [D]).
    assertThat(check.out())
        .isEqualTo(
            file + ": ok: graph vgg16, 39 nodes, 138,357,544 parameters, 15,470,264,320 MACs\n");
  }

  @Test
  void printOfAFileIsCanonical() throws IOException {
    Path file = tmp.resolve("vgg19.sir");
    Files.writeString(file, IrPrinter.print(Zoo.build("vgg19")));
    CliRun r = CliRun.of("ir", "print", file.toString()).succeeds();
    assertThat(r.out()).isEqualTo(Files.readString(file));
  }

  @Test
  void outputFileIsNotOverwrittenWithoutForce() throws IOException {
    Path file = Files.writeString(tmp.resolve("taken.sir"), "precious");
    String line = CliRun.of("ir", "print", "vgg16", "-o", file.toString()).failsWithOneLine();
    assertThat(line).isEqualTo("silica: " + file + " already exists; use --force to overwrite it");
    assertThat(file).hasContent("precious");

    CliRun.of("ir", "print", "vgg16", "-o", file.toString(), "--force").succeeds();
    assertThat(Files.readString(file)).isEqualTo(IrPrinter.print(Zoo.build("vgg16")));
  }

  @Test
  void malformedFileFailsWithTheParsersLocatedLine() throws IOException {
    Path file = Files.writeString(tmp.resolve("bad.sir"), "this is not { the IR text form\n");
    String line = CliRun.of("ir", "check", file.toString()).failsWithOneLine();
    assertThat(line).startsWith(file + ":").matches(".*\\.sir:\\d+:\\d+: .+");
  }

  @Test
  void shapeMismatchFailsWithTheParsersLocatedLine() throws IOException {
    // conv1_1 reads 3 input channels; declare its weight with 4 and the graph no longer checks.
    String good = IrPrinter.print(Zoo.build("vgg16"));
    assertThat(good).contains("f32[64,3,3,3]");
    Path file =
        Files.writeString(
            tmp.resolve("mismatch.sir"), good.replace("f32[64,3,3,3]", "f32[64,4,3,3]"));
    for (String cmd : new String[] {"check", "print"}) {
      String line = CliRun.of("ir", cmd, file.toString()).failsWithOneLine();
      assertThat(line).startsWith(file + ":").matches(".*\\.sir:\\d+:\\d+: .+").contains("conv1_1");
    }
  }

  @Test
  void roundTripsEveryZooModel() throws IOException {
    for (String name : Zoo.names()) {
      Path file = tmp.resolve(name + ".sir");
      CliRun.of("ir", "print", name, "-o", file.toString()).succeeds();
      Graph g = Zoo.build(name);
      assertThat(CliRun.of("ir", "check", file.toString()).succeeds().out())
          .startsWith(file + ": ok: graph " + g.name() + ", ");
    }
  }
}
