package dev.silica.workloads.ir;

/**
 * A small graph applying the quantized, cast and resize ops with their attribute variants: a float
 * image quantized to {@code u8}, a per-channel {@code qlinear_conv} with bias, a strided {@code
 * conv_integer} with zero points, {@code matmul_integer} and {@code qlinear_matmul}, both
 * dequantizations, {@code prelu}, {@code log_softmax}, casts through f16/bf16/i8, nearest resizes
 * by scale and by size, and an unpooling to a larger output size. Shared by the text and ONNX
 * round-trip tests.
 */
public final class QuantizedTestGraph {
  private QuantizedTestGraph() {}

  public static Graph build() {
    GraphBuilder g = new GraphBuilder("quantized");
    ValueId x = g.input("image", TensorType.f32(1, 4, 6, 6));
    ValueId xs = g.buffer("x.scale", TensorType.f32());
    ValueId xz = g.buffer("x.zero_point", TensorType.of(DType.U8));
    ValueId qx = g.apply("quant", new QuantizeLinear(1), x, xs, xz);
    ValueId qc =
        g.apply(
            "qconv",
            new QLinearConv(new Conv2d(1, 1, Padding.of(1), 1, 1, 1)),
            qx,
            xs,
            xz,
            g.parameter("qconv.weight", TensorType.of(DType.I8, 2, 4, 3, 3)),
            g.buffer("qconv.w_scale", TensorType.f32(2)),
            g.buffer("qconv.w_zero_point", TensorType.of(DType.I8, 2)),
            g.buffer("qconv.y_scale", TensorType.f32()),
            g.buffer("qconv.y_zero_point", TensorType.of(DType.U8)),
            g.parameter("qconv.bias", TensorType.of(DType.I32, 2)));
    ValueId ci =
        g.apply(
            "iconv",
            new ConvInteger(new Conv2d(2, 2, Padding.SAME, 1, 1, 2)),
            qx,
            g.parameter("iconv.weight", TensorType.of(DType.U8, 2, 2, 1, 1)),
            xz,
            g.buffer("iconv.w_zero_point", TensorType.of(DType.U8)));
    ValueId dq = g.apply("dequant", new DequantizeLinear(1), qc, xs, xz);
    ValueId di = g.apply("dequant_acc", new DequantizeLinear(-3), ci, xs);
    ValueId flat = g.apply("flat", Reshape.of(4, 36), qx);
    ValueId mi =
        g.apply(
            "imm",
            new MatMulInteger(),
            flat,
            g.parameter("imm.b", TensorType.of(DType.U8, 36, 3)),
            g.buffer("imm.a_zero_point", TensorType.of(DType.U8, 4)),
            g.buffer("imm.b_zero_point", TensorType.of(DType.U8, 3)));
    ValueId qm =
        g.apply(
            "qmm",
            new QLinearMatMul(),
            flat,
            xs,
            xz,
            g.parameter("qmm.b", TensorType.of(DType.U8, 36, 3)),
            xs,
            xz,
            g.buffer("qmm.y_scale", TensorType.f32()),
            g.buffer("qmm.y_zero_point", TensorType.of(DType.I8)));
    ValueId pr =
        g.apply("prelu", new PRelu(), dq, g.parameter("prelu.slope", TensorType.f32(2, 1, 1)));
    ValueId half = g.apply("to_f16", new Cast(DType.F16), pr);
    ValueId bf = g.apply("to_bf16", new Cast(DType.BF16), half);
    ValueId back = g.apply("to_f32", new Cast(DType.F32), bf);
    ValueId ints = g.apply("to_i8", new Cast(DType.I8), back);
    ValueId ls = g.apply("log_softmax", new LogSoftmax(1), back);
    ValueId down =
        g.apply(
            "resize_scale",
            new Resize(
                3, 4, 0.5f, 0.75f, Resize.Coordinate.HALF_PIXEL, Resize.Nearest.ROUND_PREFER_CEIL),
            ls);
    ValueId up =
        g.apply(
            "resize_size",
            new Resize(7, 5, 0, 0, Resize.Coordinate.ALIGN_CORNERS, Resize.Nearest.FLOOR),
            di);
    java.util.List<ValueId> pool =
        g.node("pool", new MaxPool(2, 2, 2, 2, Padding.NONE, false, true), java.util.List.of(back));
    ValueId unpool =
        g.apply("unpool", new MaxUnpool(2, 2, 2, 2, Padding.NONE, 7, 6), pool.get(0), pool.get(1));
    return g.output(down, up, ints, mi, qm, unpool).build();
  }
}
