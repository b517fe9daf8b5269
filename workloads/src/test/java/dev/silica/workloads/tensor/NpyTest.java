package dev.silica.workloads.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.workloads.ir.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NPY format as specified in NumPy's {@code numpy/lib/format.py}: magic {@code \x93NUMPY},
 * version bytes, little-endian header length ({@code uint16} in 1.0, {@code uint32} in 2.0), the
 * dict literal padded with spaces and a final {@code \n} to a multiple of 64 bytes, then C-order
 * data.
 */
class NpyTest {
  @Test
  void writesTheHeaderByteForByte() {
    Tensor t = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f);
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    // 10 bytes of prefix + 59 of dict + newline = 70, padded to 128: header length 118
    assertThat(dict).hasSize(59);
    ByteArrayOutputStream want = new ByteArrayOutputStream();
    want.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
    want.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
    want.writeBytes(" ".repeat(118 - 59 - 1).getBytes(StandardCharsets.US_ASCII));
    want.write('\n');
    ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    data.asFloatBuffer().put(new float[] {1, 2, 3, 4, 5, 6});
    want.writeBytes(data.array());
    assertThat(Npy.toBytes(t)).isEqualTo(want.toByteArray());
    assertThat(Npy.toBytes(t)).hasSize(128 + 24);
  }

  @Test
  void shapesOfRankZeroAndOneUsePythonTupleSyntax() {
    assertThat(Npy.dict(Tensor.scalar(1f))).contains("'shape': (), ");
    assertThat(Npy.dict(Tensor.of(Shape.of(3), 1L, 2L, 3L)))
        .isEqualTo("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }");
  }

  @Test
  void roundTripsEverySupportedType(@TempDir Path dir) throws Exception {
    Tensor[] ts = {
      Tensor.of(Shape.of(2, 3, 4), new float[24]),
      Tensor.of(Shape.of(5), 1.5, -2.25, Double.NaN, Double.NEGATIVE_INFINITY, 1e300),
      Tensor.of(Shape.of(2, 2), Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE),
      Tensor.scalar(3.25f)
    };
    for (int i = 0; i < 24; i++) {
      ts[0].floats()[i] = i * 0.5f - 3;
    }
    for (Tensor t : ts) {
      Path f = dir.resolve("t.npy");
      Npy.write(f, t);
      assertThat(Npy.read(f)).isEqualTo(t);
      assertThat(Npy.toBytes(t).length % 64).isEqualTo(t.size() * t.dtype().bytes() % 64);
    }
  }

  @Test
  void readsVersion2AndInt32() {
    String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }";
    int headerLen = 128 - 12;
    ByteBuffer b = ByteBuffer.allocate(128 + 8).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(headerLen);
    b.put(dict.getBytes(StandardCharsets.US_ASCII));
    while (b.position() < 127) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n').putInt(-7).putInt(40);
    Tensor t = Npy.fromBytes(b.array());
    assertThat(t).isEqualTo(Tensor.of(Shape.of(2), -7L, 40L));
  }

  @Test
  void rejectsWhatItCannotRepresent() {
    byte[] good = Npy.toBytes(Tensor.of(Shape.of(1), 1f));
    byte[] fortran = good.clone();
    String header = new String(fortran, StandardCharsets.ISO_8859_1);
    int at = header.indexOf("False");
    System.arraycopy("True ".getBytes(StandardCharsets.US_ASCII), 0, fortran, at, 5);
    assertThatThrownBy(() -> Npy.fromBytes(fortran)).hasMessageContaining("Fortran");
    byte[] big = good.clone();
    big[header.indexOf("<f4")] = '>';
    assertThatThrownBy(() -> Npy.fromBytes(big)).hasMessageContaining("unsupported dtype '>f4'");
    assertThatThrownBy(() -> Npy.fromBytes(new byte[] {1, 2, 3}))
        .hasMessageContaining("not an .npy file");
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    assertThatThrownBy(() -> Npy.fromBytes(truncated)).hasMessageContaining("truncated data");
  }
}
