package dev.silica.numerics;

import java.util.List;

/**
 * A number format that hardware stores values in: the set of representable values, their bit
 * encoding and the rule that maps any real onto them.
 *
 * <h2>Families</h2>
 *
 * <table>
 *   <caption>Formats, value formulas and default conversion</caption>
 *   <tr><th>record</th><th>specs</th><th>value of the bits</th><th>conversion from x</th></tr>
 *   <tr><td>{@link FloatingPoint}</td><td>fp32, fp16, bf16, fp8e4m3, fp8e5m2</td>
 *       <td>{@code (-1)^s 2^(e-B) (1 + f/2^M)}, subnormals at e = 0</td>
 *       <td>round to nearest even, IEEE overflow (±Inf; NaN for E4M3) [1] [2]</td></tr>
 *   <tr><td>{@link FixedPoint}</td><td>q8.8, uq4.4 (m.n, w = m + n &lt;= 32)</td>
 *       <td>{@code k * 2^-n}, k a w-bit integer</td>
 *       <td>{@code k = saturate(round(x * 2^n))}</td></tr>
 *   <tr><td>{@link IntegerFormat}</td><td>int8, int4, uint8 (N &lt;= 32)</td>
 *       <td>{@code (q - zp) * scale}</td>
 *       <td>ONNX QuantizeLinear {@code q = saturate(round(x / scale) + zp)}</td></tr>
 *   <tr><td>{@link Ternary}</td><td>ternary</td><td>{@code {-Wn, 0, +Wp}}</td>
 *       <td>threshold Δ: {@code x > Δ → +Wp, x < -Δ → -Wn, else 0}</td></tr>
 *   <tr><td>{@link Binary}</td><td>binary</td><td>{@code ±α}</td>
 *       <td>{@code x < 0 → -α, else +α}</td></tr>
 * </table>
 *
 * <h2>Assumptions and conventions</h2>
 *
 * <ul>
 *   <li><b>One rounding.</b> Every conversion rounds the exact input once, with the {@link Rounder}
 *       given (round-to-nearest-even when none is). No conversion goes through an intermediate
 *       format that could round twice.
 *   <li><b>Bits.</b> {@link #encode(float)} returns the encoding in the low {@link #bitWidth()}
 *       bits of a long (two's complement fields are masked, not sign-extended); {@link
 *       #decode(long)} ignores the bits above.
 *   <li><b>Float is the interchange type.</b> Every FloatingPoint value is a float exactly; wider
 *       fixed-point and integer values decode to the nearest float ({@code decodeDouble} on those
 *       records is exact).
 *   <li><b>Overflow</b> is part of the format ({@link Overflow}): IEEE infinity or saturation for
 *       floating point; saturation or two's complement wrap for fixed point and integers. Rounding
 *       is an argument of the conversion, not of the format, because stochastic rounding carries
 *       state.
 *   <li><b>Special values.</b> Signed zeros, subnormals, infinities and NaN exist exactly where the
 *       format defines them; fixed-point and integer formats map NaN to 0 (the zero point) and ±Inf
 *       to their extremes. Per-family details and error bounds are on each record.
 *   <li><b>Immutability.</b> Formats are immutable records, safe to share between threads.
 * </ul>
 *
 * <h2>Usage</h2>
 *
 * <pre>{@code
 * NumberFormat q = NumberFormat.parse("q8.8");
 * float y = q.quantize(3.14159f);                      // 3.140625 = 804 / 256
 * long bits = q.encode(-1f);                           // 0xFF00
 * float h = FloatingPoint.FP16.quantize(0.1f);         // 0.099975586
 * long up = FloatingPoint.FP16.encode(0.1f, Rounder.UP); // 0x2E67, 0.10003662
 * Mac mac = Mac.tensorCoreFp16();                      // dev.silica.numerics.arith
 * long acc = mac.dot(Fp16.fromFloats(a), Fp16.fromFloats(b), mac.zero());
 * }</pre>
 *
 * <p>{@code NumericsUserGuideTest} runs these lines.
 *
 * <h2>Error bounds (round to nearest even, no overflow)</h2>
 *
 * <pre>
 * FloatingPoint, M fraction bits   |q(x) - x| &lt;= 2^-(M+1) |x|   normal results   [1]
 *                                  |q(x) - x| &lt;= 2^(emin-M-1)   subnormal results
 * FixedPoint Qm.n                  |q(x) - x| &lt;= 2^-(n+1)       within range
 * IntegerFormat                    |q(x) - x| &lt;= scale / 2      within range (plus the float32
 *                                                                rounding of x / scale)    [3]
 * Ternary, Binary                  threshold rules, no rounding mode             [4] [5] [6]
 * </pre>
 *
 * <p>Directed and stochastic rounding double these bounds (strictly less than one step).
 *
 * <h2>References</h2>
 *
 * <ol>
 *   <li>IEEE 754-2019, Standard for Floating-Point Arithmetic (§4.3 rounding, §7.4 overflow).
 *   <li>OCP 8-bit Floating Point Specification (OFP8), rev. 1.0, 2023 (E4M3, E5M2).
 *   <li>ONNX operators QuantizeLinear / DequantizeLinear (opset 13+).
 *   <li>F. Li, B. Zhang, B. Liu, "Ternary Weight Networks", arXiv:1605.04711, 2016.
 *   <li>C. Zhu, S. Han, H. Mao, W. Dally, "Trained Ternary Quantization", ICLR 2017.
 *   <li>M. Rastegari et al., "XNOR-Net", ECCV 2016.
 * </ol>
 *
 * <h2>Specs</h2>
 *
 * <p>{@link #parse(String)} reads the names above, case-insensitively, with an optional overflow
 * suffix {@code :saturate}, {@code :wrap} or {@code :infinity} (for example {@code q8.8:wrap} or
 * {@code fp8e4m3:saturate}). {@code name()} prints the same form, so {@code
 * parse(f.name()).equals(f)} for every format without fitted parameters. Bad specs are rejected
 * with a message such as {@code numeric format 'q5.40': total width must be <= 32 bits, got 45}.
 */
public sealed interface NumberFormat
    permits FloatingPoint, FixedPoint, IntegerFormat, Ternary, Binary {

  /** The spec forms {@link #parse(String)} accepts, as listed in its error message. */
  List<String> SPEC_FORMS =
      List.of(
          "fp32",
          "fp16",
          "bf16",
          "fp8e4m3",
          "fp8e5m2",
          "q<m>.<n>",
          "uq<m>.<n>",
          "int<N>",
          "uint<N>",
          "ternary",
          "binary");

  /** The readable name, e.g. {@code fp16}, {@code q8.8}, {@code uint8}, {@code ternary}. */
  String name();

  /** Bits of one encoded value. */
  int bitWidth();

  /**
   * Encodes {@code x}, rounding with {@code rounder}.
   *
   * @return the encoding in the low {@link #bitWidth()} bits
   */
  long encode(float x, Rounder rounder);

  /** Encodes {@code x} with round-to-nearest-even. */
  default long encode(float x) {
    return encode(x, Rounder.NEAREST_EVEN);
  }

  /** The value of an encoding; bits above {@link #bitWidth()} are ignored. */
  float decode(long bits);

  /** The representable value {@code x} rounds to (nearest-even): {@code decode(encode(x))}. */
  default float quantize(float x) {
    return decode(encode(x));
  }

  /** The representable value {@code x} rounds to with {@code rounder}. */
  default float quantize(float x, Rounder rounder) {
    return decode(encode(x, rounder));
  }

  /**
   * Parses a format spec such as {@code fp16}, {@code bf16}, {@code fp8e4m3}, {@code q8.8}, {@code
   * uq4.4}, {@code int4}, {@code uint8}, {@code ternary} or {@code binary}, with an optional {@code
   * :saturate} / {@code :wrap} / {@code :infinity} overflow suffix.
   *
   * @throws IllegalArgumentException naming the spec, the rule broken and the value, or listing the
   *     valid forms for an unknown name
   */
  static NumberFormat parse(String spec) {
    return SpecParser.parse(spec);
  }
}
