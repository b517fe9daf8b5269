package dev.silica.cli;

import dev.silica.accelerators.cpu.CpuModel;
import dev.silica.accelerators.gpu.GpuModel;
import dev.silica.accelerators.kernels.KernelGraphs;
import dev.silica.accelerators.kernels.MathFormat;
import dev.silica.simulator.AcceleratorModel;
import dev.silica.simulator.result.RunResult;
import dev.silica.workloads.ir.Graph;
import java.util.Locale;

/**
 * The kernel-study shorthands of {@code simulate}: {@code gemm:M,N,K} and {@code gemv:M,N} with
 * {@code --batch}, and {@code --numerics} for the CPU and GPU models, plus the achieved-throughput
 * line printed after their runs.
 */
final class KernelWorkloads {
  private KernelWorkloads() {}

  /** Whether {@code model} is a {@code gemm:} or {@code gemv:} shorthand. */
  static boolean isShorthand(String model) {
    return model.startsWith("gemm:") || model.startsWith("gemv:");
  }

  /**
   * The graph of a shorthand: {@code gemm:M,N,K} is {@code C[batch·M,N] = A·B}, {@code gemv:M,N} is
   * {@code y[batch,M] = x[batch,N]·Wᵀ}.
   */
  static Graph parse(String model, int batch) {
    if (batch <= 0) {
      throw new CliException("--batch: must be a positive integer, got " + batch);
    }
    boolean gemm = model.startsWith("gemm:");
    String body = model.substring(5);
    String[] parts = body.split(",", -1);
    int want = gemm ? 3 : 2;
    String shape = gemm ? "gemm:M,N,K" : "gemv:M,N";
    if (parts.length != want) {
      throw new CliException(
          model + ": must be " + shape + " with positive integers, got " + want(parts.length));
    }
    int[] d = new int[want];
    for (int i = 0; i < want; i++) {
      try {
        d[i] = Integer.parseInt(parts[i].strip());
      } catch (NumberFormatException e) {
        d[i] = -1;
      }
      if (d[i] <= 0) {
        throw new CliException(
            model + ": must be " + shape + " with positive integers, got '" + parts[i] + "'");
      }
    }
    return gemm ? KernelGraphs.gemm(d[0], d[1], d[2], batch) : KernelGraphs.gemv(d[0], d[1], batch);
  }

  private static String want(int n) {
    return n + " value" + (n == 1 ? "" : "s");
  }

  /**
   * {@code model} computing in {@code numerics}; the CPU and GPU models take any format they have
   * instructions for, other models are rejected (they have their own format configuration).
   */
  static AcceleratorModel withNumerics(AcceleratorModel model, String numerics) {
    MathFormat f = MathFormat.parse(numerics);
    return switch (model) {
      case CpuModel c -> c.withFormat(f);
      case GpuModel g -> g.withFormat(f);
      default ->
          throw new CliException(
              "--numerics: "
                  + model.name()
                  + " takes its formats from its configuration; --numerics applies to the CPU and"
                  + " GPU models and, as int8, fp16 or bf16, to systolic arrays");
    };
  }

  /**
   * {@code achieved: X TFLOP/s of Y TFLOP/s peak (Z%), T us} for CPU and GPU runs; null for other
   * models.
   */
  static String achieved(AcceleratorModel model, RunResult r) {
    double peak;
    switch (model) {
      case CpuModel c -> peak = c.config().peakFlops(c.format());
      case GpuModel g -> peak = g.config().peakFlops(g.format());
      default -> {
        return null;
      }
    }
    double flops = 2.0 * r.totals().macs() / r.timeSeconds();
    return String.format(
        Locale.ROOT,
        "achieved: %.3f TFLOP/s of %.3f TFLOP/s peak (%.1f%%), %.3f us",
        flops / 1e12,
        peak / 1e12,
        100 * flops / peak,
        r.timeSeconds() * 1e6);
  }
}
