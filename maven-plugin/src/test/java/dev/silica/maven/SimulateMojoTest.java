package dev.silica.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.accelerators.Accelerators;
import dev.silica.reports.RunReport;
import dev.silica.workloads.zoo.Zoo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateMojoTest {
  @TempDir Path dir;

  private SimulateMojo mojo(String model, String accelerator) {
    SimulateMojo m = new SimulateMojo();
    m.basedir = dir.toFile();
    m.outputDirectory = dir.resolve("target/silica").toFile();
    m.model = model;
    m.accelerator = accelerator;
    return m;
  }

  /** The run's report computed directly with the library, independently of the goal. */
  private static RunReport direct(String model, String accelerator) {
    return RunReport.of(Accelerators.create(accelerator).run(Zoo.build(model)));
  }

  @Test
  void passesWithinItsLimitsAndWritesTheReports() throws Exception {
    RunReport r = direct("lenet-300-100", "tpu-v1");
    SimulateMojo m = mojo("lenet-300-100", "tpu-v1");
    // each bound is the metric itself: a limit equal to the value holds
    m.maxLatencyUs = r.total().timeS() * 1e6;
    m.maxEnergyPerInferenceUj = r.total().energyPj() / r.inferences() / 1e6;
    m.minTops = r.total().tops();
    m.maxAreaMm2 = r.areaMm2();
    m.execute();
    Path out = dir.resolve("target/silica");
    assertThat(out.resolve("lenet-300-100-tpu-v1.html")).isNotEmptyFile();
    assertThat(out.resolve("lenet-300-100-tpu-v1.json")).isNotEmptyFile();
    assertThat(out.resolve("lenet-300-100-tpu-v1-accelergy.csv")).isNotEmptyFile();
  }

  @Test
  void aBreachNamesTheMetricItsValueAndTheLimit() {
    double latencyUs = direct("lenet-300-100", "tpu-v1").total().timeS() * 1e6;
    SimulateMojo m = mojo("lenet-300-100", "tpu-v1");
    m.maxLatencyUs = 1e-3;
    m.minTops = 0.0;
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Silica limit failed for lenet-300-100 on tpu-v1: latency_us = "
                + Limits.number(latencyUs)
                + " exceeds maxLatencyUs = 0.001");
  }

  @Test
  void aLimitOnAMissingMetricFailsTheBuild() {
    SimulateMojo m = mojo("lenet-300-100", "tpu-v1");
    m.maxOutputErrorVsFp32 = 0.5;
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Silica limit failed for lenet-300-100 on tpu-v1: maxOutputErrorVsFp32 = 0.5 cannot be"
                + " checked: output_error_vs_fp32 is missing (the run computed no outputs; set"
                + " numerics (int8, fp16 or bf16) on a systolic array)");
  }

  @Test
  void theOutputErrorOfAnInt8RunIsMeasuredAgainstFp32() {
    SimulateMojo m = mojo("lenet-300-100", "tpu-v1");
    m.numerics = "int8";
    m.seed = 3;
    m.maxOutputErrorVsFp32 = 0.0;
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageMatching(
            "Silica limit failed for lenet-300-100 on tpu-v1: output_error_vs_fp32 = (\\S+)"
                + " exceeds maxOutputErrorVsFp32 = 0");
    String message = catchMessage(m);
    double error =
        Double.parseDouble(message.replaceAll(".*output_error_vs_fp32 = (\\S+) exceeds.*", "$1"));
    // int8 rounds each operand to one of 255 steps of its range (a step is 1/127 of the largest
    // magnitude), so the outputs of three int8 layers differ from fp32, but by well under 10%
    assertThat(error).isGreaterThan(0).isLessThan(0.1);
    // and the bound just above the measured error holds
    m.maxOutputErrorVsFp32 = error * 1.001;
    org.assertj.core.api.Assertions.assertThatCode(m::execute).doesNotThrowAnyException();
    assertThat(dir.resolve("target/silica")).isDirectoryContaining("glob:**.npy");
  }

  private static String catchMessage(SimulateMojo m) {
    try {
      m.execute();
    } catch (Exception e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void badInputIsTheCommandLinesOneLineError() {
    SimulateMojo m = mojo("no-such-model", "tpu-v1");
    assertThatThrownBy(m::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "silica simulate failed: silica: 'no-such-model' is neither a file nor a zoo model");
  }

  @Test
  void relativeFilesResolveAgainstTheProject() throws IOException {
    Path sir = Files.writeString(dir.resolve("net.sir"), "");
    SimulateMojo m = mojo("x", "y");
    assertThat(m.resolve("net.sir")).isEqualTo(sir.toString());
    assertThat(m.resolve("ir:net.sir")).isEqualTo("ir:" + sir);
    assertThat(m.resolve("resnet50")).isEqualTo("resnet50");
    assertThat(m.resolve("gemm:64,64,64")).isEqualTo("gemm:64,64,64");
  }

  @Test
  void skipRunsNothing() throws Exception {
    SimulateMojo m = mojo("no-such-model", "tpu-v1");
    m.skip = true;
    m.execute();
    assertThat(dir.resolve("target/silica")).doesNotExist();
  }
}
