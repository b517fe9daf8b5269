package dev.silica.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.zoo.Zoo;
import org.junit.jupiter.api.Test;

class WeightFormatErrorTest {
  static final Graph NET = Zoo.build("lenet-300-100");

  @Test
  void fp32IsExactAndNarrowerFormatsErrMore() {
    double fp32 = WeightFormatError.of(NET, "fp32");
    double fp16 = WeightFormatError.of(NET, "fp16");
    double bf16 = WeightFormatError.of(NET, "bf16");
    double int16 = WeightFormatError.of(NET, "int16");
    double int8 = WeightFormatError.of(NET, "int8");
    assertThat(fp32).isZero();
    // fp16 keeps 10 fraction bits, bf16 7: per-weight relative error <= 2^-11 vs 2^-8
    assertThat(fp16).isPositive().isLessThan(bf16);
    // int16 steps are 2^8 times finer than int8 steps at the same max|w|
    assertThat(int16).isPositive().isLessThan(int8);
    assertThat(int8).isLessThan(1);
  }

  @Test
  void anUnknownFormatIsNamed() {
    assertThatThrownBy(() -> WeightFormatError.of(NET, "fp8"))
        .hasMessageContaining("unknown weight format 'fp8'");
  }
}
