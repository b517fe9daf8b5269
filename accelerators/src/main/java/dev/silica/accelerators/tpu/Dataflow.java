package dev.silica.accelerators.tpu;

/**
 * Which GEMM operand stays in the PEs. For {@code C[M,N] = A[M,K] · B[K,N]} each dataflow puts two
 * GEMM dimensions in space (one on the array rows, one on its columns) and streams the third in
 * time (SCALE-Sim v2, {@code compute/systolic_compute_{os,ws,is}.py};
 * shared/refs/scalesim/model-notes.md §3):
 *
 * <pre>
 * dataflow  rows (Sr)  cols (Sc)  time (T)
 * OS        M          N          K        outputs stay, IFMAP and FILTER stream
 * WS        K          N          M        weights stay (TPU v1), IFMAP streams
 * IS        K          M          N        inputs stay, FILTER streams
 * </pre>
 */
public enum Dataflow {
  /** Output stationary. */
  OS,
  /** Weight stationary (TPU v1). */
  WS,
  /** Input stationary. */
  IS;

  /** The GEMM dimension mapped onto the array rows. */
  public long spatialRows(long m, long n, long k) {
    return switch (this) {
      case OS -> m;
      case WS, IS -> k;
    };
  }

  /** The GEMM dimension mapped onto the array columns. */
  public long spatialCols(long m, long n, long k) {
    return switch (this) {
      case OS, WS -> n;
      case IS -> m;
    };
  }

  /** The GEMM dimension streamed through the array in time. */
  public long temporal(long m, long n, long k) {
    return switch (this) {
      case OS -> k;
      case WS -> m;
      case IS -> n;
    };
  }
}
