package dev.silica.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyEieCommandTest {
  @TempDir Path tmp;

  /** A quick study (every layer scaled down 16x) writes the four CSV files with their headers. */
  @Test
  void writesTheStudyCsvFiles() throws Exception {
    CliRun r =
        CliRun.of("study", "eie", "--report", tmp.toString(), "--scale-down", "16").succeeds();
    assertThat(r.out()).contains("Alex-6", "NT-LSTM", "wrote ");
    String layers = Files.readString(tmp.resolve("layers.csv"));
    assertThat(layers)
        .startsWith("layer,cycles,time_us,gops,padding_zeros,load_balance,energy_uj,frames_per_s,")
        .contains("VGG-8");
    assertThat(layers.lines()).hasSize(10);
    assertThat(Files.readString(tmp.resolve("fifo-depth.csv")).lines())
        .hasSize(1 + 9 * 9)
        .first()
        .isEqualTo("layer,fifo_depth,cycles,load_balance");
    assertThat(Files.readString(tmp.resolve("pe-scaling.csv")))
        .startsWith("layer,pes,cycles,speedup,padding_zeros,padding_fraction,load_balance,note");
    assertThat(Files.readString(tmp.resolve("pe-breakdown.csv"))).contains("SpmatRead,4.955,");
    for (String chart :
        new String[] {"layers-time", "fifo-depth", "pe-speedup", "pe-padding", "pe-load-balance"}) {
      assertThat(Files.readString(tmp.resolve(chart + ".svg")))
          .startsWith("<svg")
          .contains("NT-We");
    }
  }

  @Test
  void simulatesTheFullyConnectedLayersOfAZooModel() {
    CliRun r =
        CliRun.of(
                "simulate", "--model", "alexnet", "--accelerator", "eie-64", "--layers", "fc7,fc8")
            .succeeds();
    assertThat(r.out()).contains("alexnet on eie-64").contains("fc7").contains("fc8");
  }
}
