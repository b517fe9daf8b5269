package dev.silica.workloads.scalesim;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Gemm;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.IrException;
import dev.silica.workloads.ir.IterationSpace;
import dev.silica.workloads.ir.MatMul;
import dev.silica.workloads.ir.Node;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.TensorType;
import dev.silica.workloads.scalesim.ScaleSimExport.Skipped;
import dev.silica.workloads.scalesim.ScaleSimTopology.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Graph to SCALE-Sim rows; the rules are in {@link ScaleSimExport}. */
final class GraphExport {
  private GraphExport() {}

  /** A node, or one aspect of it, that SCALE-Sim cannot express. */
  private static final class Inexpressible extends Exception {
    private static final long serialVersionUID = 1L;

    Inexpressible(String reason) {
      super(reason, null, false, false);
    }
  }

  static ScaleSimTopology strict(Graph g, Format format) {
    Format f = format != null ? format : defaultFormat(g);
    List<ScaleSimLayer> rows = new ArrayList<>();
    for (Node n : g.nodes()) {
      try {
        rows.addAll(new Rows(g, n, f, false, null).rows());
      } catch (Inexpressible e) {
        throw new IrException(n.name() + ": " + e.getMessage());
      }
    }
    return new ScaleSimTopology(g.name(), f, rows);
  }

  static ScaleSimExport export(Graph g, Format format) {
    Format f = format != null ? format : defaultFormat(g);
    List<ScaleSimLayer> rows = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Node n : g.nodes()) {
      try {
        rows.addAll(new Rows(g, n, f, true, notes).rows());
      } catch (Inexpressible e) {
        skipped.add(
            new Skipped(n.name(), n.op().kind(), g.iterationSpace(n).macs(), e.getMessage()));
      }
    }
    if (rows.isEmpty()) {
      throw new IrException(
          g.name()
              + ": no convolution or matrix-multiply layer to export (skipped: "
              + skipped
              + ")");
    }
    return new ScaleSimExport(new ScaleSimTopology(g.name(), f, rows), skipped, notes);
  }

  private static Format defaultFormat(Graph g) {
    return g.nodes().stream().anyMatch(n -> n.op() instanceof Conv2d) ? Format.CONV : Format.GEMM;
  }

  /** The rows of one node. */
  private record Rows(Graph g, Node n, Format f, boolean export, List<String> notes) {
    List<ScaleSimLayer> rows() throws Inexpressible {
      IterationSpace space = g.iterationSpace(n);
      return switch (n.op()) {
        case Conv2d c -> conv(c);
        case Gemm gemm ->
            List.of(matrix(n.name(), dim(space, "M"), dim(space, "N"), dim(space, "K")));
        case MatMul mm -> matMul(space);
        // every other op, present or future, has no SCALE-Sim row; the reason states its MACs,
        // so an op that does products is never dropped silently
        default ->
            throw new Inexpressible(
                n.op().kind()
                    + (space.macs() == 0
                        ? " does no multiply-accumulates"
                        : " has " + space.macs() + " MACs but no SCALE-Sim form")
                    + "; a SCALE-Sim topology holds only conv2d, gemm and matmul layers");
      };
    }

    private List<ScaleSimLayer> conv(Conv2d c) throws Inexpressible {
      TensorType x = g.type(n.inputs().get(0));
      TensorType w = g.type(n.inputs().get(1));
      TensorType y = g.type(n.output());
      int batch = x.dim(0);
      int channels = x.dim(1);
      int filters = w.dim(0);
      int perGroup = w.dim(1);
      int r = w.dim(2);
      int s = w.dim(3);
      int p = y.dim(2);
      int q = y.dim(3);
      int groups = c.groups();
      if (f == Format.GEMM) {
        // SCALE-Sim's own lowering: M = output pixels, N = filters, K = window; padding, dilation
        // and batch need no column
        long pixels = (long) batch * p * q;
        if (groups == 1) {
          return List.of(new GemmLayer(n.name(), pixels, filters, (long) r * s * channels));
        }
        List<ScaleSimLayer> rows = new ArrayList<>();
        for (int i = 0; i < split(groups); i++) {
          rows.add(
              new GemmLayer(
                  n.name() + "_g" + i, pixels, filters / groups, (long) r * s * perGroup));
        }
        return rows;
      }
      if (batch != 1) {
        throw new Inexpressible(
            "batch " + batch + " cannot be expressed: SCALE-Sim simulates batch 1");
      }
      if (c.dilationH() != 1 || c.dilationW() != 1) {
        throw new Inexpressible(
            "dilation "
                + c.dilationH()
                + "x"
                + c.dilationW()
                + " cannot be expressed: SCALE-Sim has no dilation column");
      }
      Padding pad = c.resolvedPadding(x, w);
      int h = x.dim(2);
      int wd = x.dim(3);
      // rows and columns the windows reach: (P - 1)·s + R
      int reachH = (p - 1) * c.strideH() + r;
      int reachW = (q - 1) * c.strideW() + s;
      int ih;
      int iw;
      if (export) {
        int paddedH = h + pad.top() + pad.bottom();
        int paddedW = wd + pad.left() + pad.right();
        ih = Math.min(paddedH, reachH);
        iw = Math.min(paddedW, reachW);
        if (ih != h || iw != wd) {
          boolean padded = pad.top() + pad.left() + pad.bottom() + pad.right() > 0;
          notes.add(
              n.name()
                  + ": "
                  + (padded ? "padding " + padText(pad) + " folded into the ifmap, " : "ifmap ")
                  + h
                  + "x"
                  + wd
                  + " -> "
                  + ih
                  + "x"
                  + iw
                  + (ih != paddedH || iw != paddedW
                      ? " (only the rows and columns the windows reach: "
                          + paddedH
                          + "x"
                          + paddedW
                          + " would give SCALE-Sim, which rounds the output size up, "
                          + ConvLayer.outputs(paddedH, r, c.strideH())
                          + "x"
                          + ConvLayer.outputs(paddedW, s, c.strideW())
                          + " outputs instead of "
                          + p
                          + "x"
                          + q
                          + ")"
                      : ""));
        }
      } else {
        ih = Math.min(h, reachH);
        iw = Math.min(wd, reachW);
        boolean same =
            pad.top() == 0
                && pad.left() == 0
                && ih >= r
                && iw >= s
                && ConvLayer.outputs(ih, r, c.strideH()) == p
                && ConvLayer.outputs(iw, s, c.strideW()) == q;
        if (!same) {
          throw new Inexpressible(
              "SCALE-Sim topology has no padding column; pad "
                  + padText(pad)
                  + " cannot be expressed");
        }
      }
      // depthwise: one channel per group; a one-channel layer is depthwise and dense at once, so
      // it keeps a 'DP' in its name (SCALE-Sim's split of one channel is the layer itself)
      boolean depthwise =
          perGroup == 1
              && groups == channels
              && (groups > 1 || n.name().contains(ConvLayer.DEPTHWISE_MARK));
      if (depthwise) {
        return List.of(
            new ConvLayer(
                convName(n.name(), true),
                ih,
                iw,
                r,
                s,
                channels,
                filters / channels,
                c.strideH(),
                c.strideW()));
      }
      if (groups == 1) {
        return List.of(
            new ConvLayer(
                convName(n.name(), false),
                ih,
                iw,
                r,
                s,
                channels,
                filters,
                c.strideH(),
                c.strideW()));
      }
      List<ScaleSimLayer> rows = new ArrayList<>();
      for (int i = 0; i < split(groups); i++) {
        rows.add(
            new ConvLayer(
                plainName(n.name() + "_g" + i),
                ih,
                iw,
                r,
                s,
                perGroup,
                filters / groups,
                c.strideH(),
                c.strideW()));
      }
      return rows;
    }

    /** The number of rows for a grouped convolution: only the export splits. */
    private int split(int groups) throws Inexpressible {
      if (!export) {
        throw new Inexpressible(
            "groups "
                + groups
                + " cannot be expressed: SCALE-Sim has no group column"
                + (f == Format.CONV
                    ? " (it simulates a row as depthwise only when the layer name contains 'DP')"
                    : ""));
      }
      notes.add(n.name() + ": groups " + groups + " written as " + groups + " rows, one per group");
      return groups;
    }

    private List<ScaleSimLayer> matMul(IterationSpace space) throws Inexpressible {
      long b = dim(space, "B");
      long m = dim(space, "M");
      long nn = dim(space, "N");
      long k = dim(space, "K");
      if (b == 1) {
        return List.of(matrix(n.name(), m, nn, k));
      }
      if (g.type(n.inputs().get(1)).rank() <= 2) {
        return List.of(matrix(n.name(), b * m, nn, k)); // shared right operand: batch folds into M
      }
      if (g.type(n.inputs().get(0)).rank() <= 2) {
        return List.of(matrix(n.name(), m, b * nn, k)); // shared left operand: batch folds into N
      }
      if (!export) {
        throw new Inexpressible(
            "batched matmul of " + b + " independent products cannot be one SCALE-Sim row");
      }
      notes.add(n.name() + ": batched matmul written as " + b + " rows, one per product");
      List<ScaleSimLayer> rows = new ArrayList<>();
      for (int i = 0; i < b; i++) {
        rows.add(matrix(n.name() + "_b" + i, m, nn, k));
      }
      return rows;
    }

    /** An {@code M x K} by {@code K x N} product as a GEMM row or a pointwise convolution row. */
    private ScaleSimLayer matrix(String name, long m, long nn, long k) throws Inexpressible {
      if (f == Format.GEMM) {
        return new GemmLayer(name, m, nn, k);
      }
      if (Math.max(m, Math.max(nn, k)) > Integer.MAX_VALUE) {
        throw new Inexpressible(
            "M, N, K = " + m + ", " + nn + ", " + k + " do not fit a conv topology row");
      }
      return new ConvLayer(plainName(name), (int) m, 1, 1, 1, (int) k, (int) nn, 1, 1);
    }

    private String plainName(String name) throws Inexpressible {
      return convName(name, false);
    }

    /** A conv-layout layer name, with SCALE-Sim's 'DP' depthwise marker exactly when wanted. */
    private String convName(String name, boolean depthwise) throws Inexpressible {
      boolean marked = name.contains(ConvLayer.DEPTHWISE_MARK);
      if (marked == depthwise) {
        return name;
      }
      if (!export) {
        throw new Inexpressible(
            depthwise
                ? "groups "
                    + g.type(n.inputs().get(0)).dim(1)
                    + " cannot be expressed: SCALE-Sim has no group column (it simulates a row as"
                    + " depthwise only when the layer name contains 'DP')"
                : "name contains 'DP', which SCALE-Sim simulates as a depthwise layer (one layer per"
                    + " channel), but the layer is not depthwise");
      }
      String renamed = depthwise ? name + "_DP" : name.replace("DP", "Dp");
      notes.add(
          n.name()
              + ": written as '"
              + renamed
              + "'"
              + (depthwise
                  ? " so that SCALE-Sim simulates it as depthwise"
                  : " so that SCALE-Sim does not simulate it as depthwise"));
      return renamed;
    }
  }

  private static long dim(IterationSpace space, String name) {
    return space.dims().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no dimension " + name + " in " + space))
        .extent();
  }

  /** {@code 1} for uniform padding, {@code [top,left,bottom,right]} otherwise. */
  private static String padText(Padding p) {
    if (p.top() == p.left() && p.left() == p.bottom() && p.bottom() == p.right()) {
      return Integer.toString(p.top());
    }
    return String.format(Locale.ROOT, "[%d,%d,%d,%d]", p.top(), p.left(), p.bottom(), p.right());
  }
}
