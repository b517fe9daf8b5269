package dev.silica.workloads.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shape inference and MAC counts of single ops against closed forms (the formula for each case is
 * in the comment next to it) and against ONNX's backend node tests, whose shapes are quoted where
 * used.
 */
class OpInferenceTest {
  private static TensorType only(Op op, TensorType... in) {
    List<TensorType> out = op.infer(List.of(in));
    assertThat(out).hasSize(1);
    return out.getFirst();
  }

  private static long macs(Op op, TensorType... in) {
    List<TensorType> ins = List.of(in);
    return op.iterationSpace(ins, op.infer(ins)).macs();
  }

  @Test
  void convOutputSizeFollowsTheWindowFormula() {
    // CS231n AlexNet conv1: (227 - 11) / 4 + 1 = 55
    TensorType y =
        only(Conv2d.of(4, 0), TensorType.f32(1, 3, 227, 227), TensorType.f32(96, 3, 11, 11));
    assertThat(y).isEqualTo(TensorType.f32(1, 96, 55, 55));
    // MACs = N·M·P·Q·C·R·S = 96·55·55·3·11·11 = 105,415,200 (papers-inputs §8.2: 105.4M)
    assertThat(macs(Conv2d.of(4, 0), TensorType.f32(1, 3, 227, 227), TensorType.f32(96, 3, 11, 11)))
        .isEqualTo(105_415_200L);
  }

  @Test
  void convWithStridesAndPaddingMatchesOnnxNodeTest() {
    // ONNX test_conv_with_strides_padding: x[1,1,7,5], W[1,1,3,3], pads 1, strides 2 → y[1,1,4,3]
    Conv2d op = new Conv2d(2, 2, Padding.of(1), 1, 1, 1);
    assertThat(only(op, TensorType.f32(1, 1, 7, 5), TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(TensorType.f32(1, 1, 4, 3));
    // ONNX test_conv_with_strides_no_padding: → y[1,1,3,2]
    assertThat(
            only(
                new Conv2d(2, 2, Padding.NONE, 1, 1, 1),
                TensorType.f32(1, 1, 7, 5),
                TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(TensorType.f32(1, 1, 3, 2));
    // ONNX test_conv_with_strides_and_asymmetric_padding: pads [1,0,1,0] → y[1,1,4,2]
    assertThat(
            only(
                new Conv2d(2, 2, Padding.of(1, 0, 1, 0), 1, 1, 1),
                TensorType.f32(1, 1, 7, 5),
                TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(TensorType.f32(1, 1, 4, 2));
  }

  @Test
  void convDilationAndSamePadding() {
    // dilation 2 makes a 3x3 kernel span 5: (7 - 5) + 1 = 3 (ONNX test_basic_conv_... dilated)
    assertThat(
            only(
                new Conv2d(1, 1, Padding.NONE, 2, 2, 1),
                TensorType.f32(1, 1, 7, 7),
                TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(TensorType.f32(1, 1, 3, 3));
    // SAME_UPPER: out = ceil(in / stride) = ceil(7/2) = 4 whatever the kernel
    Conv2d same = new Conv2d(2, 2, Padding.SAME, 1, 1, 1);
    assertThat(only(same, TensorType.f32(1, 1, 7, 5), TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(TensorType.f32(1, 1, 4, 3));
    // total padding (4-1)·2 + 3 - 7 = 2 rows → 1 above, 1 below; (3-1)·2 + 3 - 5 = 2 columns
    assertThat(same.resolvedPadding(TensorType.f32(1, 1, 7, 5), TensorType.f32(1, 1, 3, 3)))
        .isEqualTo(Padding.of(1, 1, 1, 1));
    // SAME_LOWER puts the odd element first: in 6, k 2, s 1 → total 1 → [1, 0]
    Padding lower = new Padding(Padding.Mode.SAME_LOWER, 0, 0, 0, 0);
    assertThat(lower.resolved(6, 6, 2, 2, 1, 1)).isEqualTo(Padding.of(1, 1, 0, 0));
  }

  @Test
  void groupedAndDepthwiseConv() {
    // AlexNet conv2: 256 filters of 5x5x48 over 96 channels in 2 groups; MACs 27·27·256·48·25
    Conv2d op = Conv2d.of(1, 2, 2);
    TensorType x = TensorType.f32(1, 96, 27, 27);
    TensorType w = TensorType.f32(256, 48, 5, 5);
    assertThat(only(op, x, w)).isEqualTo(TensorType.f32(1, 256, 27, 27));
    assertThat(macs(op, x, w)).isEqualTo(27L * 27 * 256 * 48 * 25); // 223.9M, papers-inputs §8.2
    // depthwise 3x3 over 32 channels: MACs = 32·P·Q·9
    Conv2d dw = Conv2d.of(1, 1, 32);
    assertThat(macs(dw, TensorType.f32(1, 32, 112, 112), TensorType.f32(32, 1, 3, 3)))
        .isEqualTo(32L * 112 * 112 * 9);
  }

  @Test
  void convErrorsNameWhatIsWrong() {
    assertThatThrownBy(
            () -> only(Conv2d.of(1, 1), TensorType.f32(1, 32, 8, 8), TensorType.f32(16, 64, 3, 3)))
        .isInstanceOf(IrException.class)
        .hasMessage("weight channels 64 != input channels 32");
    assertThatThrownBy(() ->
            only(Conv2d.of(1, 0, 2), TensorType.f32(1, 32, 8, 8), TensorType.f32(16, 32, 3, 3)))
        .hasMessage("weight channels 32 != input channels 16 per group (32/2)");
    assertThatThrownBy(
            () -> only(Conv2d.of(1, 0), TensorType.f32(1, 3, 2, 2), TensorType.f32(4, 3, 3, 3)))
        .hasMessage("rows: window 3 (dilation 1) does not fit input 2 padded by 0+0");
    assertThatThrownBy(() -> Conv2d.of(0, 0)).hasMessage("conv2d: stride must be >= 1, got 0");
  }

  @Test
  void transposedConvInvertsTheConvShape() {
    // out = (in-1)·s - 2p + k + output_padding: DCGAN 4x4 s2 p1 doubles 4 → 8
    ConvTranspose2d op = ConvTranspose2d.of(2, 1);
    TensorType y = only(op, TensorType.f32(1, 512, 4, 4), TensorType.f32(512, 256, 4, 4));
    assertThat(y).isEqualTo(TensorType.f32(1, 256, 8, 8));
    // every input element meets a whole filter slice: MACs = 512·4·4·256·16
    assertThat(macs(op, TensorType.f32(1, 512, 4, 4), TensorType.f32(512, 256, 4, 4)))
        .isEqualTo(512L * 16 * 256 * 16);
    // ONNX test_convtranspose: x[1,1,3,3], W[1,2,3,3] → y[1,2,5,5]
    assertThat(
            only(
                new ConvTranspose2d(1, 1, Padding.NONE, 0, 0, 1, 1, 1),
                TensorType.f32(1, 1, 3, 3),
                TensorType.f32(1, 2, 3, 3)))
        .isEqualTo(TensorType.f32(1, 2, 5, 5));
  }

  @Test
  void gemmAndMatMul() {
    // fully connected 9216 → 4096 (AlexNet fc6): MACs = 9216·4096 (37.7M, papers-inputs §8.2)
    Gemm fc = Gemm.fullyConnected();
    TensorType x = TensorType.f32(1, 9216);
    TensorType w = TensorType.f32(4096, 9216);
    assertThat(only(fc, x, w, TensorType.f32(4096))).isEqualTo(TensorType.f32(1, 4096));
    assertThat(macs(fc, x, w)).isEqualTo(9216L * 4096);
    assertThatThrownBy(() -> only(fc, TensorType.f32(1, 100), w))
        .hasMessage("inner dimensions differ: A[1,100] has K = 100, B[4096,9216]ᵀ has K = 9216");
    // batched attention scores: [12,128,64]·[12,64,128] → [12,128,128], MACs 12·128·128·64
    MatMul mm = new MatMul();
    TensorType q = TensorType.f32(12, 128, 64);
    TensorType kt = TensorType.f32(12, 64, 128);
    assertThat(only(mm, q, kt)).isEqualTo(TensorType.f32(12, 128, 128));
    assertThat(macs(mm, q, kt)).isEqualTo(12L * 128 * 128 * 64);
    // NumPy: broadcast batch [2,1] with [3] and promote a vector operand
    assertThat(only(mm, TensorType.f32(2, 1, 4, 5), TensorType.f32(3, 5, 6)))
        .isEqualTo(TensorType.f32(2, 3, 4, 6));
    assertThat(only(mm, TensorType.f32(5), TensorType.f32(5, 6))).isEqualTo(TensorType.f32(6));
  }

  @Test
  void poolingFloorAndCeil() {
    // CS231n AlexNet pool1: (55 - 3) / 2 + 1 = 27
    assertThat(only(MaxPool.of(3, 2, 0), TensorType.f32(1, 96, 55, 55)))
        .isEqualTo(TensorType.f32(1, 96, 27, 27));
    // GoogLeNet: 112 → ceil((112 - 3) / 2) + 1 = 56 with ceil mode, 55 without
    MaxPool ceil = new MaxPool(3, 3, 2, 2, Padding.NONE, true, false);
    assertThat(only(ceil, TensorType.f32(1, 64, 112, 112)).dim(2)).isEqualTo(56);
    assertThat(only(MaxPool.of(3, 2, 0), TensorType.f32(1, 64, 112, 112)).dim(2)).isEqualTo(55);
    // ceil mode drops a last window that would start in the padding (PyTorch rule):
    // in 5, k 2, s 2, pad 1: ceil((5+2-2)/2)+1 = 4, but window 4 starts at 6 >= 5+1 → 3
    MaxPool dropLast = new MaxPool(2, 2, 2, 2, Padding.of(1), true, false);
    assertThat(only(dropLast, TensorType.f32(1, 1, 5, 5)).dim(2)).isEqualTo(3);
    // indices come as a second i64 result
    List<TensorType> both =
        new MaxPool(2, 2, 2, 2, Padding.NONE, false, true)
            .infer(List.of(TensorType.f32(1, 3, 8, 8)));
    assertThat(both)
        .containsExactly(TensorType.f32(1, 3, 4, 4), TensorType.of(DType.I64, 1, 3, 4, 4));
    assertThat(only(new GlobalAvgPool(), TensorType.f32(1, 2048, 7, 7)))
        .isEqualTo(TensorType.f32(1, 2048, 1, 1));
    assertThatThrownBy(() -> MaxPool.of(2, 2, 2))
        .hasMessage("maxpool: padding must be smaller than the kernel 2x2, got [2,2,2,2]");
  }

  @Test
  void maxUnpoolAndUpsampleInvertPooling() {
    TensorType x = TensorType.f32(1, 64, 56, 56);
    TensorType i = TensorType.of(DType.I64, 1, 64, 56, 56);
    // (56-1)·2 + 2 = 112
    assertThat(only(MaxUnpool.of(2, 2), x, i)).isEqualTo(TensorType.f32(1, 64, 112, 112));
    assertThat(only(new Upsample(2, 3), x)).isEqualTo(TensorType.f32(1, 64, 112, 168));
    assertThatThrownBy(() -> only(MaxUnpool.of(2, 2), x, x))
        .hasMessage("indices must be i64[1,64,56,56] like the input, got f32[1,64,56,56]");
  }

  @Test
  void elementwiseBroadcasting() {
    assertThat(only(new Add(), TensorType.f32(1, 12, 128, 128), TensorType.f32(128, 128)))
        .isEqualTo(TensorType.f32(1, 12, 128, 128));
    assertThat(only(new Mul(), TensorType.f32(4, 1), new TensorType(DType.F32, Shape.scalar())))
        .isEqualTo(TensorType.f32(4, 1));
    assertThatThrownBy(() -> only(new Add(), TensorType.f32(2, 3), TensorType.f32(4, 3)))
        .hasMessage("shapes [2,3] and [4,3] do not broadcast (dimension 0: 2 vs 4)");
  }

  @Test
  void recurrentLayersFollowTheSeedConvention() {
    // LSTM: Wx ∈ R^{D×4H}, Wh ∈ R^{H×4H}, b ∈ R^{4H}; MACs = T·N·4H·(D+H)
    Lstm lstm = new Lstm(512);
    TensorType x = TensorType.f32(100, 1, 65);
    List<TensorType> in =
        List.of(x, TensorType.f32(65, 2048), TensorType.f32(512, 2048), TensorType.f32(2048));
    assertThat(lstm.infer(in))
        .containsExactly(
            TensorType.f32(100, 1, 512), TensorType.f32(1, 512), TensorType.f32(1, 512));
    assertThat(lstm.iterationSpace(in, lstm.infer(in)).macs()).isEqualTo(100L * 2048 * (65 + 512));
    assertThatThrownBy(() ->
            lstm.infer(
                List.of(
                    x, TensorType.f32(65, 2048), TensorType.f32(512, 1024), TensorType.f32(2048))))
        .hasMessage("Wh must be [512,2048], got [512,1024]");
    Gru gru = new Gru(8, true);
    List<TensorType> gin =
        List.of(
            TensorType.f32(3, 2, 4),
            TensorType.f32(4, 24),
            TensorType.f32(8, 24),
            TensorType.f32(24),
            TensorType.f32(24),
            TensorType.f32(2, 8));
    assertThat(gru.infer(gin)).containsExactly(TensorType.f32(3, 2, 8), TensorType.f32(2, 8));
    Rnn rnn = new Rnn(8, Rnn.Activation.TANH);
    assertThatThrownBy(() -> rnn.infer(List.of(TensorType.f32(3, 2, 4))))
        .hasMessage("rnn takes 4..5 operands, got 1");
  }

  @Test
  void reshapeFlattenTransposeConcat() {
    assertThat(only(Reshape.of(0, -1, 64), TensorType.f32(128, 768)))
        .isEqualTo(TensorType.f32(128, 12, 64));
    assertThatThrownBy(() -> only(Reshape.of(5, -1), TensorType.f32(128, 768)))
        .hasMessage("reshape [5, -1]: cannot infer -1 for [128,768] (98304 elements)");
    assertThat(only(new Flatten(1), TensorType.f32(1, 512, 7, 7)))
        .isEqualTo(TensorType.f32(1, 25088));
    assertThat(only(Transpose.of(1, 0, 2), TensorType.f32(128, 12, 64)))
        .isEqualTo(TensorType.f32(12, 128, 64));
    assertThat(
            new Concat(1)
                .infer(List.of(TensorType.f32(1, 64, 28, 28), TensorType.f32(1, 128, 28, 28))))
        .containsExactly(TensorType.f32(1, 192, 28, 28));
    assertThatThrownBy(() ->
            new Concat(1)
                .infer(List.of(TensorType.f32(1, 64, 28, 28), TensorType.f32(1, 64, 14, 14))))
        .hasMessage(
            "operand 1 [1,64,14,14] differs from operand 0 [1,64,28,28] in dimension 2 (concat"
                + " axis 1)");
  }

  @Test
  void shapeArithmeticNeverOverflowsSilently() {
    assertThatThrownBy(() -> only(new Upsample(1 << 20, 1), TensorType.f32(1, 1, 1 << 12, 1)))
        .hasMessage("output rows must be in [1, 2147483647], got 4294967296");
    assertThatThrownBy(() -> Shape.of(1 << 30, 1 << 30, 1 << 30))
        .isInstanceOf(IrException.class)
        .hasMessage("shape [1073741824,1073741824,1073741824]: element count exceeds 2^63 - 1");
    // kernel 3, padding 2+2 on a 1x1 input: (1-1)·1 - 4 + 3 = -1 rows
    assertThatThrownBy(() ->
            only(
                new MaxUnpool(3, 3, 1, 1, Padding.of(2)),
                TensorType.f32(1, 1, 1, 1),
                TensorType.of(DType.I64, 1, 1, 1, 1)))
        .hasMessage("output rows must be in [1, 2147483647], got -1");
    assertThatThrownBy(() ->
            only(
                Gemm.fullyConnected(),
                TensorType.f32(1, 4),
                TensorType.f32(3, 4),
                TensorType.of(DType.I64, 3)))
        .hasMessage("C element type i64 != f32");
  }

  @Test
  void oneHotAppendsTheClassAxis() {
    assertThat(only(new OneHot(65), TensorType.of(DType.I64, 100, 1)))
        .isEqualTo(TensorType.f32(100, 1, 65));
    assertThatThrownBy(() -> only(new OneHot(65), TensorType.f32(100, 1)))
        .hasMessage("indices must be an integer tensor, got f32[100,1]");
    assertThatThrownBy(() -> new OneHot(0)).hasMessage("one_hot: depth must be >= 1, got 0");
  }

  @Test
  void embeddingLayerNormAndMask() {
    TensorType tokens = TensorType.of(DType.I64, 1, 1024);
    assertThat(only(new Embedding(), tokens, TensorType.f32(50257, 768)))
        .isEqualTo(TensorType.f32(1, 1024, 768));
    assertThatThrownBy(() -> only(new Embedding(), TensorType.f32(1, 4), TensorType.f32(10, 3)))
        .hasMessage("indices must be an integer tensor, got f32[1,4]");
    assertThat(
            only(
                new LayerNorm(-1, 1e-5f),
                TensorType.f32(128, 768),
                TensorType.f32(768),
                TensorType.f32(768)))
        .isEqualTo(TensorType.f32(128, 768));
    assertThatThrownBy(() -> only(new CausalMask(Float.NEGATIVE_INFINITY), TensorType.f32(2, 3)))
        .hasMessage("last two dimensions must be square, got [2,3]");
  }
}
