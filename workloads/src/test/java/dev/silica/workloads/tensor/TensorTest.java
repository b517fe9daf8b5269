package dev.silica.workloads.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Shape;
import org.junit.jupiter.api.Test;

class TensorTest {
  @Test
  void rowMajorStridesAndOffsets() {
    Tensor t = Tensor.zeros(DType.F32, Shape.of(2, 3, 4));
    assertThat(t.strides()).containsExactly(12, 4, 1);
    assertThat(t.offset(1, 2, 3)).isEqualTo(23);
    assertThat(t.size()).isEqualTo(24);
    assertThatThrownBy(() -> t.offset(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void factoriesWrapAndTypedAccessorsCheckTheType() {
    float[] data = {1, 2, 3, 4, 5, 6};
    Tensor t = Tensor.of(Shape.of(2, 3), data);
    assertThat(t.floats()).isSameAs(data);
    assertThat(t.get(1, 0)).isEqualTo(4.0);
    assertThatThrownBy(t::doubles).hasMessageContaining("not f64");
    assertThatThrownBy(() -> Tensor.of(Shape.of(2, 2), data)).hasMessageContaining("does not fit");
    assertThatThrownBy(() -> Tensor.zeros(DType.F16, Shape.of(1)))
        .hasMessageContaining("not supported");
    Tensor l = Tensor.of(Shape.of(3), 7L, 8L, 9L);
    assertThat(l.getLong(2)).isEqualTo(9L);
    assertThat(Tensor.scalar(2.5f).rank()).isZero();
  }

  @Test
  void reshapeIsAViewAndConversionsRound() {
    Tensor t = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f);
    Tensor v = t.reshape(Shape.of(3, 2));
    assertThat(v.floats()).isSameAs(t.floats());
    assertThat(v.get(2, 1)).isEqualTo(6.0);
    assertThatThrownBy(() -> t.reshape(Shape.of(4))).hasMessageContaining("cannot reshape");
    Tensor d = Tensor.of(Shape.of(1), 0.1);
    assertThat(d.toF32().floats()[0]).isEqualTo(0.1f);
    assertThat(t.toF64().doubles()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(t.toF32()).isSameAs(t);
  }

  @Test
  void equalsIsExactAndToleranceHelpersAreNumpyLike() {
    Tensor a = Tensor.of(Shape.of(3), 1f, Float.NaN, -0f);
    assertThat(a).isEqualTo(Tensor.of(Shape.of(3), 1f, Float.NaN, -0f));
    assertThat(a).isNotEqualTo(Tensor.of(Shape.of(3), 1f, Float.NaN, 0f));
    assertThat(a).isNotEqualTo(Tensor.of(Shape.of(3), 1.0, Double.NaN, -0.0));
    Tensor x = Tensor.of(Shape.of(2), 1.0, 100.0);
    Tensor y = Tensor.of(Shape.of(2), 1.001, 100.0);
    assertThat(x.allClose(y, 1e-3, 0)).isTrue();
    assertThat(x.allClose(y, 1e-4, 0)).isFalse();
    assertThat(x.maxAbsDiff(y)).isCloseTo(0.001, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(x.maxRelError(y, 1e-30))
        .isCloseTo(0.001 / 1.001, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(Tensor.of(Shape.of(1), Float.POSITIVE_INFINITY).isFinite()).isFalse();
  }
}
