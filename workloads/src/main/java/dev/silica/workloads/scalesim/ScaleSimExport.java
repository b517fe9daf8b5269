package dev.silica.workloads.scalesim;

import java.util.List;

/**
 * The convolution and matrix-multiply layers of a network in SCALE-Sim form ({@link
 * ScaleSimTopology#export}), with every node that has no SCALE-Sim row listed rather than dropped.
 *
 * <h2>How nodes become rows</h2>
 *
 * <p>Both {@link ScaleSimTopology#fromGraph} (strict: fails on the first node it cannot express
 * exactly) and {@link ScaleSimTopology#export} (lenient: adjusts or skips, and says so) turn each
 * node into rows with the same MACs as the node:
 *
 * <ul>
 *   <li><b>{@code Conv2d}, conv layout.</b> One row {@code name, H', W', R, S, C, M, s_h, s_w}.
 *       SCALE-Sim has no padding column, so its users fold padding into the IFMAP size by hand:
 *       {@code H + pad_top + pad_bottom}. The export does the same but keeps only the rows the
 *       windows reach, {@code H' = min(H + pad_top + pad_bottom, (P-1)·s + R)}: SCALE-Sim rounds
 *       the output size up, so the full padded height gives it one output row too many whenever the
 *       stride does not divide it (ResNet's 7x7 stride-2 stem: 224 + 3 + 3 = 230 would give 113
 *       rows instead of 112; 229 gives 112). The strict writer accepts no padding other than the
 *       bottom/right overhang {@link ConvLayer} itself produces, and crops unread trailing rows the
 *       same way (exact: those rows are never read). Batch must be 1 and dilation 1.
 *   <li><b>Groups.</b> SCALE-Sim has no group column; it splits a row whose name contains {@code
 *       DP} into one single-channel layer per channel. A depthwise convolution ({@code groups = C},
 *       one channel per group) becomes one such row with {@code Num Filter} = channel multiplier;
 *       the export appends {@code _DP} to its name when it lacks one. Other grouped convolutions
 *       (ResNeXt) become one row per group, {@code <name>_g<i>}. A layer that is not depthwise but
 *       whose name contains {@code DP} would be split by SCALE-Sim: the export writes {@code Dp}
 *       instead; the strict writer fails.
 *   <li><b>{@code Conv2d}, GEMM layout.</b> SCALE-Sim's own lowering: {@code M = N·P·Q} output
 *       pixels, {@code N} = filters, {@code K = R·S·C}; padding and dilation need no column.
 *   <li><b>{@code Gemm} and {@code MatMul}.</b> GEMM layout: {@code name, M, N, K}. Conv layout:
 *       the pointwise convolution {@code IFMAP M x 1, filter 1 x 1, K channels, N filters, stride
 *       1}. A batched {@code MatMul} whose right operand is shared (a linear layer over a sequence)
 *       folds the batch into {@code M}; one whose left operand is shared folds it into {@code N};
 *       one with both batched (attention's {@code Q·Kᵀ} per head) is {@code B} independent
 *       products: the export writes rows {@code <name>_b<i>}, the strict writer fails.
 *   <li><b>Everything else</b> (pooling, normalisation, activations, element-wise, reshapes, and
 *       transposed or recurrent layers, which have MACs but no SCALE-Sim form) is {@link Skipped},
 *       with its kind, its MACs and why.
 * </ul>
 *
 * <p>The rows' MACs plus the skipped nodes' MACs equal the graph's MACs.
 *
 * @param topology the rows (their layer names are node names, adjusted as above)
 * @param skipped the nodes with no row, in graph order
 * @param notes one line per node whose row needed an adjustment (padding folded, rows cropped,
 *     renamed, split), in graph order
 */
public record ScaleSimExport(ScaleSimTopology topology, List<Skipped> skipped, List<String> notes) {
  public ScaleSimExport {
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /**
   * A node the export left out.
   *
   * @param node the node name
   * @param kind its op kind ({@code maxpool})
   * @param macs its multiply-accumulates (non-zero for transposed convolutions and recurrent ops)
   * @param reason why SCALE-Sim cannot express it
   */
  public record Skipped(String node, String kind, long macs, String reason) {
    @Override
    public String toString() {
      return node + " (" + kind + "): " + reason;
    }
  }

  /** MACs of the skipped nodes. */
  public long skippedMacs() {
    return skipped.stream().mapToLong(Skipped::macs).sum();
  }
}
