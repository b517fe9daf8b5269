package dev.silica.workloads.ir;

/**
 * Spatial padding of a convolution or pooling window.
 *
 * <p>{@link Mode#EXPLICIT} pads by the given amounts, which may be asymmetric. {@link
 * Mode#SAME_UPPER} and {@link Mode#SAME_LOWER} follow ONNX {@code auto_pad}: the output has {@code
 * ceil(in / stride)} rows and columns and the total padding {@code max(0, (out-1)·s + d·(k-1) + 1 -
 * in)} is split evenly, the odd element going to the end (upper) or the beginning (lower). {@link
 * Mode#VALID} pads nothing.
 *
 * @param mode how the padding is chosen
 * @param top rows added above (explicit mode only)
 * @param left columns added on the left
 * @param bottom rows added below
 * @param right columns added on the right
 */
public record Padding(Mode mode, int top, int left, int bottom, int right) {
  /** How padding is determined. */
  public enum Mode {
    EXPLICIT,
    SAME_UPPER,
    SAME_LOWER,
    VALID
  }

  public static final Padding NONE = new Padding(Mode.EXPLICIT, 0, 0, 0, 0);
  public static final Padding SAME = new Padding(Mode.SAME_UPPER, 0, 0, 0, 0);

  public Padding {
    if (top < 0 || left < 0 || bottom < 0 || right < 0) {
      throw new IrException(
          "padding must be >= 0, got [" + top + "," + left + "," + bottom + "," + right + "]");
    }
    if (mode != Mode.EXPLICIT && (top | left | bottom | right) != 0) {
      throw new IrException("padding amounts are only allowed in explicit mode, got " + mode);
    }
  }

  /** The same padding on all four sides. */
  public static Padding of(int p) {
    return new Padding(Mode.EXPLICIT, p, p, p, p);
  }

  /** Symmetric padding: {@code h} rows above and below, {@code w} columns left and right. */
  public static Padding of(int h, int w) {
    return new Padding(Mode.EXPLICIT, h, w, h, w);
  }

  /** Explicit, possibly asymmetric padding. */
  public static Padding of(int top, int left, int bottom, int right) {
    return new Padding(Mode.EXPLICIT, top, left, bottom, right);
  }

  /**
   * The explicit padding along one axis for a window of effective extent {@code k} (dilation
   * included) over {@code in} elements with {@code stride}, as {@code {begin, end}}.
   */
  int[] resolve(boolean rows, int in, int k, int stride) {
    return switch (mode) {
      case EXPLICIT -> rows ? new int[] {top, bottom} : new int[] {left, right};
      case VALID -> new int[] {0, 0};
      case SAME_UPPER, SAME_LOWER -> {
        int out = (in + stride - 1) / stride;
        int total = Math.max(0, (out - 1) * stride + k - in);
        int small = total / 2;
        yield mode == Mode.SAME_UPPER
            ? new int[] {small, total - small}
            : new int[] {total - small, small};
      }
    };
  }

  /** Resolved explicit padding {@code [top, left, bottom, right]} for an input of {@code h×w}. */
  public Padding resolved(int h, int w, int kh, int kw, int sh, int sw) {
    int[] r = resolve(true, h, kh, sh);
    int[] c = resolve(false, w, kw, sw);
    return of(r[0], c[0], r[1], c[1]);
  }
}
