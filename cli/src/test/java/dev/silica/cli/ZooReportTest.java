package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.workloads.zoo.Zoo;
import dev.silica.workloads.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ZooReportTest {
  @TempDir Path tmp;

  @Test
  void writesSummaryAndOneLayerTablePerModel() throws IOException {
    Path dir = tmp.resolve("out/zoo");
    CliRun r = CliRun.of("zoo", "report", "--out", dir.toString()).succeeds();
    assertThat(r.out())
        .contains("wrote " + dir.resolve("summary.md"))
        .contains("wrote " + dir.resolve("summary.csv"))
        .contains(Zoo.names().size() + " layer tables");

    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(summary.getFirst())
        .isEqualTo("model,params,macs,activation_values,activation_bytes_fp32,nodes");
    assertThat(summary).hasSize(Zoo.names().size() + 1);
    // vgg16: 138,357,544 params (torchvision; papers-inputs §8.3), 15,237,608 activation values
    // (CS231n table; papers-inputs §8.3) x 4 bytes = 60,950,432; 39 nodes (16 layers + 13 ReLUs
    // after convolutions + 2 after fc6/fc7 + 5 pools + flatten + 2 dropouts).
    assertThat(summary).contains("vgg16,138357544,15470264320,15237608,60950432,39");

    for (ZooModel m : Zoo.models()) {
      Path layers = dir.resolve(m.name() + ".csv");
      assertThat(layers).exists();
      // The per-model table is exactly what `zoo show MODEL --format csv` prints.
      assertThat(Files.readString(layers))
          .isEqualTo(CliRun.of("zoo", "show", m.name(), "--format", "csv").succeeds().out());
    }

    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).startsWith("# Silica zoo report\n");
    assertThat(md).contains("| model | params | MACs |");
    assertThat(md).contains("## vgg16\n").contains("- params: 138.36 M (138,357,544)");
    assertThat(md).contains("[vgg16.csv](vgg16.csv)");
    for (String name : Zoo.names()) {
      assertThat(md).contains("## " + name + "\n");
    }
  }

  @Test
  void rerunningOverwritesItsOwnFilesIdenticallyAndKeepsOthers() throws IOException {
    Path dir = tmp.resolve("zoo");
    Files.createDirectories(dir);
    Path foreign = Files.writeString(dir.resolve("mine.txt"), "keep me");
    CliRun.of("zoo", "report", "-o", dir.toString()).succeeds();
    String first = Files.readString(dir.resolve("summary.md"));
    String firstCsv = Files.readString(dir.resolve("summary.csv"));
    Files.writeString(dir.resolve("summary.csv"), "stale");
    CliRun.of("zoo", "report", "-o", dir.toString()).succeeds();
    assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(first);
    assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo(firstCsv);
    assertThat(foreign).hasContent("keep me");
  }

  @Test
  void defaultOutputDirectoryIsSilicaOutZoo() {
    CommandLine cl =
        SilicaCli.commandLine(
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(java.io.Writer.nullWriter()));
    var report = cl.getSubcommands().get("zoo").getSubcommands().get("report");
    assertThat(report.getCommandSpec().findOption("--out").defaultValue())
        .isEqualTo("silica-out/zoo");
  }

  @Test
  void fileNamesAreSafe() {
    assertThat(ZooReportCommand.fileName("resnext50_32x4d")).isEqualTo("resnext50_32x4d");
    assertThat(ZooReportCommand.fileName("a/b:c")).isEqualTo("a_b_c");
  }
}
