package dev.silica.accelerators.kernels;

/**
 * A kernel descriptor: what a CPU or GPU library call does, in element counts, independent of the
 * device. {@link Lowering} turns graph nodes into these; the CPU and GPU models price them. Sizes
 * are elements, never bytes: the device's {@link MathFormat} gives the bytes.
 */
public sealed interface Kernel permits Kernel.Gemm, Kernel.Conv, Kernel.Spmv, Kernel.Stream {

  /** Multiply-accumulates the kernel performs (useful work, no padding). */
  long macs();

  /**
   * {@code C[M,N] = A[M,K] · B[K,N]}, {@code instances} times (groups, batched products, recurrent
   * steps). A holds activations, B weights, C outputs.
   *
   * @param m rows of A and C (batch × positions)
   * @param n columns of B and C (output features)
   * @param k the reduction length
   * @param instances independent products of this shape, run one after another
   * @param sharedWeights whether every instance multiplies the same B (recurrent steps) rather than
   *     its own (groups)
   */
  record Gemm(long m, long n, long k, long instances, boolean sharedWeights) implements Kernel {
    public Gemm {
      if (m <= 0 || n <= 0 || k <= 0 || instances <= 0) {
        throw new IllegalArgumentException(
            "gemm: m, n, k and instances must be positive, got "
                + m
                + ", "
                + n
                + ", "
                + k
                + ", "
                + instances);
      }
    }

    /** One product. */
    public static Gemm of(long m, long n, long k) {
      return new Gemm(m, n, k, 1, false);
    }

    @Override
    public long macs() {
      return m * n * k * instances;
    }

    /** Elements of A over all instances. */
    public long aElements() {
      return m * k * instances;
    }

    /** Distinct elements of B (once when shared). */
    public long bElements() {
      return k * n * (sharedWeights ? 1 : instances);
    }

    /** Elements of C over all instances. */
    public long cElements() {
      return m * n * instances;
    }
  }

  /**
   * A 2-D convolution, NCHW: {@code batch × cin × h × w} input, {@code cout × cin/groups × kh × kw}
   * weights, {@code batch × cout × ho × wo} output.
   */
  record Conv(
      long batch,
      long cin,
      long h,
      long w,
      long cout,
      long kh,
      long kw,
      long strideH,
      long strideW,
      long ho,
      long wo,
      long groups)
      implements Kernel {
    public Conv {
      if (batch <= 0 || cin <= 0 || cout <= 0 || kh <= 0 || kw <= 0 || ho <= 0 || wo <= 0) {
        throw new IllegalArgumentException("conv: every extent must be positive");
      }
      if (groups <= 0 || cin % groups != 0 || cout % groups != 0) {
        throw new IllegalArgumentException(
            "conv: groups must divide cin " + cin + " and cout " + cout + ", got " + groups);
      }
    }

    /** The im2col / implicit-GEMM view: {@code M = batch·ho·wo, N = cout/G, K = cin/G·kh·kw}. */
    public Gemm asGemm() {
      return new Gemm(batch * ho * wo, cout / groups, cin / groups * kh * kw, groups, false);
    }

    @Override
    public long macs() {
      return asGemm().macs();
    }

    public long inputElements() {
      return batch * cin * h * w;
    }

    public long weightElements() {
      return cout * (cin / groups) * kh * kw;
    }

    public long outputElements() {
      return batch * cout * ho * wo;
    }

    /** Elements of the explicit im2col matrix: {@code K · M} per group. */
    public long im2colElements() {
      Gemm g = asGemm();
      return g.m() * g.k() * groups;
    }

    /** Whether Winograd F(2×2, 3×3) applies: 3×3, stride 1, ungrouped. */
    public boolean winogradEligible() {
      return kh == 3 && kw == 3 && strideH == 1 && strideW == 1 && groups == 1;
    }
  }

  /**
   * Sparse matrix times dense matrix, {@code Y[rows, batch] = W[rows, cols] · X[cols, batch]}, W in
   * CSR (MKL's CSRMV at batch 1, CSRMM above; cuSPARSE's csrmv/csrmm). Zero activations are not
   * skipped: neither library does.
   *
   * @param rows output length
   * @param cols input length
   * @param nnz stored non-zeros of W
   * @param batch input vectors
   */
  record Spmv(long rows, long cols, long nnz, long batch) implements Kernel {
    public Spmv {
      if (rows <= 0 || cols <= 0 || batch <= 0 || nnz < 0 || nnz > rows * cols) {
        throw new IllegalArgumentException(
            "spmv: rows, cols and batch must be positive and 0 <= nnz <= rows*cols, got "
                + rows
                + "x"
                + cols
                + " nnz "
                + nnz
                + " batch "
                + batch);
      }
    }

    @Override
    public long macs() {
      return nnz * batch;
    }

    /** CSR storage: values, 4-byte column indices, {@code rows + 1} 4-byte row pointers. */
    public long csrBytes(MathFormat f) {
      return nnz * (f.bytes() + 4L) + (rows + 1) * 4L;
    }
  }

  /**
   * A memory-streaming kernel: element-wise ops, pooling, normalisation, data movement, transforms.
   *
   * @param name what it is, e.g. {@code relu}, {@code im2col}, {@code winograd.input}
   * @param readElements elements read
   * @param writeElements elements written
   * @param ops element operations (comparisons, additions, transcendental evaluations)
   * @param macs multiply-accumulates inside (LRN's sum of squares, average pooling: usually 0)
   */
  record Stream(String name, long readElements, long writeElements, long ops, long macs)
      implements Kernel {
    public Stream {
      if (readElements < 0 || writeElements < 0 || ops < 0 || macs < 0) {
        throw new IllegalArgumentException(name + ": stream counts must be non-negative");
      }
    }
  }
}
