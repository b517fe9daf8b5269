package dev.silica.workloads.tensor;

import dev.silica.workloads.ir.DType;
import dev.silica.workloads.ir.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files, format versions 1.0 and 2.0, as specified in NumPy's {@code
 * numpy/lib/format.py} ("NPY format"): the magic {@code \x93NUMPY}, a major and minor version byte,
 * the header length (little-endian {@code uint16} in 1.0, {@code uint32} in 2.0), an ASCII Python
 * dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }} padded with
 * spaces and ended by {@code \n} so the data starts at a multiple of 64 bytes, then the elements in
 * C order.
 *
 * <p>Supported element types: little-endian {@code '<f4'} ({@code f32}), {@code '<f8'} ({@code
 * f64}) and {@code '<i8'} ({@code i64}); reading also accepts {@code '<i4'}, widened to {@code
 * i64}. Fortran order, big-endian data and object arrays are rejected with a message saying so. The
 * writer uses version 1.0 unless the header needs more than 65,535 bytes.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGN = 64;
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** Writes {@code t} to {@code file}. */
  public static void write(Path file, Tensor t) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(out, t);
    }
  }

  /** Reads a tensor from {@code file}. */
  public static Tensor read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    }
  }

  /** The complete file contents for {@code t}. */
  public static byte[] toBytes(Tensor t) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, t);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  /** Parses complete file contents. */
  public static Tensor fromBytes(byte[] bytes) {
    try {
      return read(new java.io.ByteArrayInputStream(bytes), "<bytes>");
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The header dict text (without padding) for a tensor. */
  static String dict(Tensor t) {
    String descr =
        switch (t.dtype()) {
          case F32 -> "<f4";
          case F64 -> "<f8";
          case I64 -> "<i8";
          default -> throw new IllegalArgumentException("npy: cannot write " + t.dtype().text());
        };
    StringBuilder shape = new StringBuilder("(");
    int[] dims = t.dims();
    for (int i = 0; i < dims.length; i++) {
      shape.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    shape.append(dims.length == 1 ? ",)" : ")");
    return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  }

  /** Writes {@code t} in NPY format to {@code out} (not closed). */
  public static void write(OutputStream out, Tensor t) throws IOException {
    byte[] dict = dict(t).getBytes(StandardCharsets.US_ASCII);
    int major = 1;
    int prefix = MAGIC.length + 2 + 2;
    int total = pad(prefix + dict.length + 1);
    if (total - prefix > 0xFFFF) {
      major = 2;
      prefix = MAGIC.length + 2 + 4;
      total = pad(prefix + dict.length + 1);
    }
    int headerLen = total - prefix;
    ByteBuffer head = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    head.put(MAGIC).put((byte) major).put((byte) 0);
    if (major == 1) {
      head.putShort((short) headerLen);
    } else {
      head.putInt(headerLen);
    }
    head.put(dict);
    while (head.position() < total - 1) {
      head.put((byte) ' ');
    }
    head.put((byte) '\n');
    out.write(head.array());
    int n = t.size();
    int width = t.dtype().bytes();
    int chunk = Math.max(1, (1 << 16) / width);
    ByteBuffer buf = ByteBuffer.allocate(chunk * width).order(ByteOrder.LITTLE_ENDIAN);
    for (int start = 0; start < n; start += chunk) {
      int end = Math.min(n, start + chunk);
      buf.clear();
      switch (t.dtype()) {
        case F32 -> buf.asFloatBuffer().put(t.floats(), start, end - start);
        case F64 -> buf.asDoubleBuffer().put(t.doubles(), start, end - start);
        default -> buf.asLongBuffer().put(t.longs(), start, end - start);
      }
      out.write(buf.array(), 0, (end - start) * width);
    }
    out.flush();
  }

  private static int pad(int n) {
    return (n + ALIGN - 1) / ALIGN * ALIGN;
  }

  /** Reads one NPY array from {@code in}; {@code what} names the source in errors. */
  public static Tensor read(InputStream in, String what) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length + 2);
    if (magic.length < MAGIC.length + 2
        || !java.util.Arrays.equals(magic, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException(what + ": not an .npy file (missing \\x93NUMPY magic)");
    }
    int major = magic[6];
    int headerLen;
    if (major == 1) {
      byte[] b = in.readNBytes(2);
      headerLen = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    } else if (major == 2 || major == 3) {
      byte[] b = in.readNBytes(4);
      headerLen = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    } else {
      throw new IOException(what + ": unsupported .npy version " + major + "." + magic[7]);
    }
    byte[] headerBytes = in.readNBytes(headerLen);
    if (headerBytes.length != headerLen) {
      throw new IOException(what + ": truncated .npy header");
    }
    String header =
        new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, what, "descr");
    if ("True".equals(group(FORTRAN, header, what, "fortran_order"))) {
      throw new IOException(what + ": Fortran-order arrays are not supported (save C order)");
    }
    List<Integer> dims = new ArrayList<>();
    for (String part : group(SHAPE, header, what, "shape").split(",")) {
      if (!part.isBlank()) {
        dims.add(Integer.parseInt(part.strip().replace("L", "")));
      }
    }
    Shape shape;
    try {
      shape = new Shape(dims);
    } catch (IllegalArgumentException e) {
      throw new IOException(what + ": " + e.getMessage(), e);
    }
    int n = Math.toIntExact(shape.size());
    DType dtype;
    int width;
    switch (descr) {
      case "<f4" -> {
        dtype = DType.F32;
        width = 4;
      }
      case "<f8" -> {
        dtype = DType.F64;
        width = 8;
      }
      case "<i8" -> {
        dtype = DType.I64;
        width = 8;
      }
      case "<i4" -> {
        dtype = DType.I64;
        width = 4;
      }
      default ->
          throw new IOException(
              what
                  + ": unsupported dtype '"
                  + descr
                  + "' (expected little-endian '<f4', '<f8', '<i8' or '<i4')");
    }
    byte[] data = in.readNBytes(Math.multiplyExact(n, width));
    if (data.length != n * width) {
      throw new IOException(
          what + ": truncated data, expected " + n * width + " bytes, got " + data.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    Tensor t = Tensor.zeros(dtype, shape);
    switch (descr) {
      case "<f4" -> buf.asFloatBuffer().get(t.floats());
      case "<f8" -> buf.asDoubleBuffer().get(t.doubles());
      case "<i8" -> buf.asLongBuffer().get(t.longs());
      default -> {
        long[] out = t.longs();
        for (int i = 0; i < n; i++) {
          out[i] = buf.getInt();
        }
      }
    }
    return t;
  }

  private static String group(Pattern p, String header, String what, String key)
      throws IOException {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new IOException(what + ": .npy header has no '" + key + "': " + header.strip());
    }
    return m.group(1);
  }
}
