package dev.silica.workloads.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.silica.workloads.ir.DType;
import dev.silica.workloads.onnx.proto.OnnxWire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ONNX tensors: element-type codes, decoding and encoding of tensor messages, and reading the
 * serialized tensor files of the ONNX test suites ({@code test_data_set_0/input_0.pb}).
 *
 * <p>Decoding accepts the elements in {@code raw_data} (little-endian) or in the typed field ONNX
 * assigns to the element type: {@code float_data} for float; {@code int32_data} for the narrow
 * integers, bool, float16 and bfloat16 (their bit patterns); {@code int64_data} for int64; {@code
 * double_data} for double; {@code uint64_data} for uint32. Encoding always writes {@code raw_data}.
 * Element counts are checked against the dimensions before anything is allocated, so a corrupted
 * tensor fails with a message rather than running out of memory.
 */
public final class OnnxTensors {
  private OnnxTensors() {}

  /** A tensor read from a file, with the name it carries (may be empty). */
  public record NamedTensor(String name, InitializerData data) {}

  /**
   * Reads one serialized tensor message, such as the inputs and expected outputs of an ONNX node
   * test.
   *
   * @throws OnnxException naming the file when it cannot be read or is not a supported tensor
   */
  public static NamedTensor read(Path file) {
    String where = String.valueOf(file.getFileName());
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OnnxException(where + ": cannot read (" + e + ")", e);
    }
    OnnxWire.Tensor t;
    try {
      t = OnnxWire.Tensor.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new OnnxException(where + ": not a serialized tensor (" + oneLine(e) + ")", e);
    }
    if (!t.hasDataType()) {
      throw new OnnxException(where + ": not a serialized tensor (no element type)");
    }
    try {
      return new NamedTensor(t.getName(), decode(t, "tensor '" + t.getName() + "'"));
    } catch (OnnxException e) {
      throw new OnnxException(printable(where + ": " + e.getMessage()), e);
    }
  }

  /** The IR element type of an ONNX element-type code. */
  static DType dtype(int code, String where) {
    return switch (code) {
      case 1 -> DType.F32;
      case 2 -> DType.U8;
      case 3 -> DType.I8;
      case 6 -> DType.I32;
      case 7 -> DType.I64;
      case 9 -> DType.BOOL;
      case 10 -> DType.F16;
      case 11 -> DType.F64;
      case 16 -> DType.BF16;
      default ->
          throw new OnnxException(
              where
                  + ": unsupported element type "
                  + code
                  + " ("
                  + codeName(code)
                  + "; supported: float, double, float16, bfloat16, int8, uint8, int32, int64,"
                  + " bool)");
    };
  }

  private static String codeName(int code) {
    String[] names = {
      "undefined",
      "float",
      "uint8",
      "int8",
      "uint16",
      "int16",
      "int32",
      "int64",
      "string",
      "bool",
      "float16",
      "double",
      "uint32",
      "uint64",
      "complex64",
      "complex128",
      "bfloat16"
    };
    return code >= 0 && code < names.length ? names[code] : "unknown";
  }

  /** The ONNX element-type code of an IR element type. */
  static int code(DType t) {
    return switch (t) {
      case F32 -> 1;
      case U8 -> 2;
      case I8 -> 3;
      case I32 -> 6;
      case I64 -> 7;
      case BOOL -> 9;
      case F16 -> 10;
      case F64 -> 11;
      case BF16 -> 16;
    };
  }

  /** Decodes a tensor message; {@code where} prefixes error messages. */
  static InitializerData decode(OnnxWire.Tensor t, String where) {
    if (t.getDataLocation() == 1) {
      throw new OnnxException(
          where + ": external data is not supported (store it inside the file)");
    }
    DType dtype = dtype(t.getDataType(), where);
    List<Integer> dims = new ArrayList<>(t.getDimsCount());
    long n = 1;
    for (long d : t.getDimsList()) {
      if (d < 0 || d > Integer.MAX_VALUE) {
        throw new OnnxException(where + ": dimension must be in [0, 2^31), got " + d);
      }
      dims.add((int) d);
      n = Math.multiplyExact(n, Math.max(d, 1)) * (d == 0 ? 0 : 1);
      if (n > Integer.MAX_VALUE) {
        throw new OnnxException(where + ": too many elements for dimensions " + t.getDimsList());
      }
    }
    int count = (int) n;
    if (t.hasRawData()) {
      ByteString raw = t.getRawData();
      int width = dtype.bytes();
      if ((long) count * width != raw.size()) {
        throw new OnnxException(
            String.format(
                Locale.ROOT,
                "%s: raw data has %d bytes, dimensions %s of %s need %d",
                where,
                raw.size(),
                dims,
                dtype.text(),
                (long) count * width));
      }
      return fromRaw(dtype, dims, raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN), count);
    }
    int have =
        switch (dtype) {
          case F32 -> t.getFloatDataCount();
          case F64 -> t.getDoubleDataCount();
          case I64 -> t.getInt64DataCount();
          case I8, U8, I32, BOOL, F16, BF16 -> t.getInt32DataCount();
        };
    if (have != count) {
      throw new OnnxException(
          String.format(
              Locale.ROOT, "%s: has %d elements, dimensions %s need %d", where, have, dims, count));
    }
    return switch (dtype) {
      case F32 -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getFloatData(i);
        }
        yield new InitializerData(dtype, dims, v, null, null);
      }
      case F16, BF16 -> {
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
          v[i] = half(dtype, (short) t.getInt32Data(i));
        }
        yield new InitializerData(dtype, dims, v, null, null);
      }
      case F64 -> {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getDoubleData(i);
        }
        yield new InitializerData(dtype, dims, null, null, v);
      }
      case I64 -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getInt64Data(i);
        }
        yield new InitializerData(dtype, dims, null, v, null);
      }
      case I8, U8, I32, BOOL -> {
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
          v[i] = t.getInt32Data(i);
        }
        yield new InitializerData(dtype, dims, null, v, null);
      }
    };
  }

  private static InitializerData fromRaw(DType dtype, List<Integer> dims, ByteBuffer b, int n) {
    switch (dtype) {
      case F32 -> {
        float[] v = new float[n];
        b.asFloatBuffer().get(v);
        return new InitializerData(dtype, dims, v, null, null);
      }
      case F16, BF16 -> {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
          v[i] = half(dtype, b.getShort(2 * i));
        }
        return new InitializerData(dtype, dims, v, null, null);
      }
      case F64 -> {
        double[] v = new double[n];
        b.asDoubleBuffer().get(v);
        return new InitializerData(dtype, dims, null, null, v);
      }
      default -> {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
          v[i] =
              switch (dtype) {
                case I64 -> b.getLong(8 * i);
                case I32 -> b.getInt(4 * i);
                case I8 -> b.get(i);
                case U8, BOOL -> b.get(i) & 0xFF;
                default -> throw new IllegalStateException(dtype.text());
              };
        }
        return new InitializerData(dtype, dims, null, v, null);
      }
    }
  }

  private static float half(DType dtype, short bits) {
    return dtype == DType.F16
        ? Float.float16ToFloat(bits)
        : Float.intBitsToFloat((bits & 0xFFFF) << 16);
  }

  /** Encodes elements as a tensor message with little-endian {@code raw_data}. */
  static OnnxWire.Tensor encode(String name, InitializerData d) {
    int n = d.size();
    ByteBuffer b =
        ByteBuffer.allocate(Math.multiplyExact(n, d.dtype().bytes()))
            .order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      switch (d.dtype()) {
        case F32 -> b.putFloat(d.floats()[i]);
        case F16 -> b.putShort(Float.floatToFloat16(d.floats()[i]));
        case BF16 -> b.putShort(toBfloat16(d.floats()[i]));
        case F64 -> b.putDouble(d.doubles()[i]);
        case I64 -> b.putLong(d.longs()[i]);
        case I32 -> b.putInt((int) d.longs()[i]);
        case I8, U8 -> b.put((byte) d.longs()[i]);
        case BOOL -> b.put((byte) (d.longs()[i] != 0 ? 1 : 0));
      }
    }
    OnnxWire.Tensor.Builder t =
        OnnxWire.Tensor.newBuilder().setName(name).setDataType(code(d.dtype()));
    for (int dim : d.dims()) {
      t.addDims(dim);
    }
    return t.setRawData(ByteString.copyFrom(b.array())).build();
  }

  /** Round-to-nearest-even conversion to bfloat16 bits (NaN stays a quiet NaN). */
  private static short toBfloat16(float f) {
    int bits = Float.floatToRawIntBits(f);
    if (Float.isNaN(f)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    return (short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16);
  }

  /**
   * A message safe to print on one line: control characters (which names in a corrupted file may
   * contain) are escaped as {@code \n}, {@code \t} or {@code \xNN}.
   */
  static String printable(String message) {
    StringBuilder sb = new StringBuilder(message.length());
    for (char c : message.toCharArray()) {
      if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A protobuf parser message squeezed onto one line. */
  static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").trim();
  }
}
