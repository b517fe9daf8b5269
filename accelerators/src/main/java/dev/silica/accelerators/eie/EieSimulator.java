package dev.silica.accelerators.eie;

/**
 * The cycle-level loop of EIE (Han et al., ISCA 2016, §III–IV; papers-inputs §1.1): the central
 * control unit's LNZD broadcast, every PE's activation queue, pointer read, sparse-matrix read and
 * arithmetic unit, one cycle at a time on primitive arrays.
 *
 * <h2>One cycle</h2>
 *
 * <ol>
 *   <li><b>PEs</b> (each, in PE order): a PE in the middle of a column processes its next entry:
 *       one 8-bit entry per cycle; stage 1 looks up the codebook and advances the row by {@code x +
 *       1}, stage 2 reads the accumulator and multiplies, stage 3 shifts and adds, stage 4 writes
 *       back (pipelined, so one entry per cycle; a write to the accumulator the previous cycle
 *       wrote goes over the bypass instead of the register read). A filler (weight index 0) goes
 *       through the same pipeline and adds 0. A PE without a column pops the head of its queue,
 *       reads {@code p_j} and {@code p_{j+1}} from its even/odd pointer banks in that cycle and
 *       starts the column in the same cycle (the pointer read of the next column overlaps the last
 *       entry of the previous one); an empty column costs that one cycle. A PE with an empty queue
 *       idles: a bubble when another PE works.
 *   <li><b>Broadcast</b>: the CCU pushes the next non-zero activation (value, index) found by the
 *       LNZD quadtree into every PE's queue at once, at most one per cycle, and only when no queue
 *       is full after this cycle's pops (a full queue stalls the broadcast). A pushed activation
 *       can be popped from the next cycle on. The tree is pipelined: the first push happens at
 *       cycle {@code ⌈log4 N⌉} (its levels), then one per cycle.
 * </ol>
 *
 * <p>The sparse-matrix SRAM is read {@code width} bits ({@code width/8} entries) at a time into a
 * one-word buffer: a read happens when the next entry lies in another word than the buffered one.
 * It never stalls (one read per cycle would be possible; the PE consumes one entry per cycle).
 *
 * <h2>Batches and memory traffic</h2>
 *
 * <ul>
 *   <li><b>Input batches.</b> When the input vector is longer than the source register files
 *       ({@code K > N·R}) it lives in activation SRAM and is scanned in batches of {@code N·R}:
 *       before batch {@code i} is broadcast, each PE loads its slice ({@code ⌈len/N⌉} cycles, one
 *       16-bit SRAM read per cycle); the load of batch {@code i+1} starts once batch {@code i}'s
 *       non-zeros have all been pushed (the PEs keep draining their queues meanwhile).
 *   <li><b>Output batches.</b> A PE with more than {@code R} local rows runs the layer once per
 *       batch of {@code R} rows (each a full broadcast of the input), and after each batch writes
 *       its rows to activation SRAM ({@code rows} cycles, one write per cycle); outputs that fit
 *       the register files stay there as the next layer's source.
 *   <li><b>End of a batch</b>: when no PE works, every queue is empty and everything has been
 *       broadcast; then the pipeline drains ({@code stages − 1} cycles) and ReLU is applied as
 *       results are written.
 * </ul>
 *
 * <h2>Arithmetic (bit-exact)</h2>
 *
 * <pre>
 * p   = sat16( round(a · w / 2^fw) ) a: Q(16−fa).fa activation, w: Q(16−fw).fw codebook weight;
 *                                    the shift of stage 3 rounds to nearest, ties to even
 * acc = sat16( acc + p )             16-bit destination register, initialised to the bias
 * out = relu ? max(0, acc) : acc
 * </pre>
 *
 * <p>The loop costs {@code O(cycles · N)} with a handful of array operations per PE-cycle, no
 * allocation, no boxing.
 */
public final class EieSimulator {
  private EieSimulator() {}

  /**
   * Runs {@code layer} on input activations {@code act} (raw 16-bit activation format, length
   * {@code cols}).
   *
   * @param keepOutputs whether to return the output vector
   */
  public static EieLayerRun run(EncodedLayer layer, int[] act, EieConfig cfg, boolean keepOutputs) {
    if (act.length != layer.cols()) {
      throw new IllegalArgumentException(
          "layer "
              + layer.name()
              + ": input must have "
              + layer.cols()
              + " activations, got "
              + act.length);
    }
    if (layer.pes() != cfg.pes() || layer.rowsPerBatch() != cfg.regfileEntries()) {
      throw new IllegalArgumentException(
          "layer "
              + layer.name()
              + " was lowered for "
              + layer.pes()
              + " PEs and "
              + layer.rowsPerBatch()
              + "-entry register files, not "
              + cfg.pes()
              + " and "
              + cfg.regfileEntries());
    }
    final int n = cfg.pes();
    final int depth = cfg.fifoDepth();
    final int rpb = layer.rowsPerBatch();
    final int nb = layer.batches();
    final int cols = layer.cols();
    final int rows = layer.rows();
    final int lnzd = cfg.lnzdLevels();
    final int perRead = cfg.entriesPerRead();
    final int fw = cfg.weightFractionBits();
    final int remMask = (1 << fw) - 1;
    final int half = fw == 0 ? 1 << 30 : 1 << (fw - 1);
    final int[] codebook = layer.codebook();
    final int[] bias = layer.bias();

    // non-zero activations, in index order, and input batches
    int nz = 0;
    for (int a : act) {
      if (a != 0) {
        nz++;
      }
    }
    final int[] nzIdx = new int[nz];
    for (int j = 0, p = 0; j < cols; j++) {
      if (act[j] != 0) {
        nzIdx[p++] = j;
      }
    }
    final boolean inSram = cols > cfg.registerFileCapacity();
    final int inBatch = inSram ? (int) cfg.registerFileCapacity() : cols;
    final int inBatches = (cols + inBatch - 1) / inBatch;
    final int[] nzEnd = new int[inBatches]; // nzIdx index one past the last non-zero of batch i
    final int[] loadCycles = new int[inBatches];
    for (int i = 0, p = 0; i < inBatches; i++) {
      int endCol = Math.min(cols, (i + 1) * inBatch);
      while (p < nz && nzIdx[p] < endCol) {
        p++;
      }
      nzEnd[i] = p;
      int len = endCol - i * inBatch;
      loadCycles[i] = inSram ? (len + n - 1) / n : 0;
    }
    final boolean outSram = rows > cfg.registerFileCapacity();

    int[] out = new int[rows];
    int[] acc = new int[n * rpb];
    int[] qCol = new int[n * depth];
    int[] qHead = new int[n];
    int[] qSize = new int[n];
    int[] pos = new int[n];
    int[] end = new int[n];
    int[] cur = new int[n];
    int[] row = new int[n];
    int[] lastRow = new int[n];
    long[] lastCycle = new long[n];
    int[] lastWord = new int[n];

    long cycles = 0;
    long compute = 0;
    long fillDrain = 0;
    long io = 0;
    long busy = 0;
    long bubbles = 0;
    long entries = 0;
    long macs = 0;
    long padding = 0;
    long ptrReads = 0;
    long spmatReads = 0;
    long accReads = 0;
    long bypasses = 0;
    long broadcasts = 0;
    long actSramReads = 0;
    long actSramWrites = 0;

    for (int b = 0; b < nb; b++) {
      int[][] ptrs = new int[n][];
      byte[][] ents = new byte[n][];
      for (int k = 0; k < n; k++) {
        ptrs[k] = layer.ptr()[k * nb + b];
        ents[k] = layer.ent()[k * nb + b];
        int base = k * rpb;
        int lrows = layer.batchRows(k, b);
        for (int r = 0; r < rpb; r++) {
          acc[base + r] = bias != null && r < lrows ? bias[(b * rpb + r) * n + k] : 0;
        }
        qHead[k] = 0;
        qSize[k] = 0;
        pos[k] = 0;
        end[k] = 0;
        lastRow[k] = -1;
        lastCycle[k] = -2;
        lastWord[k] = -1;
      }
      int full = 0;
      int ib = 0;
      int next = 0;
      int loadLeft = loadCycles[0];
      actSramReads += inSram ? cols : 0;
      long t = 0;
      while (true) {
        int working = 0;
        for (int k = 0; k < n; k++) {
          int p = pos[k];
          if (p >= end[k]) {
            if (qSize[k] == 0) {
              continue;
            }
            // pop and read the pointer pair
            int h = qHead[k];
            int j = qCol[k * depth + h];
            if (qSize[k] == depth) {
              full--;
            }
            qHead[k] = h + 1 == depth ? 0 : h + 1;
            qSize[k]--;
            ptrReads++;
            int[] pk = ptrs[k];
            p = pk[j];
            end[k] = pk[j + 1];
            cur[k] = act[j];
            row[k] = -1;
            working++;
            if (p == end[k]) {
              pos[k] = p;
              continue; // empty column: the pointer read was this cycle's work
            }
          } else {
            working++;
          }
          // one entry through the pipeline
          int e = ents[k][p] & 0xff;
          int word = p / perRead;
          if (word != lastWord[k]) {
            spmatReads++;
            lastWord[k] = word;
          }
          int r = row[k] + (e & 0xf) + 1;
          row[k] = r;
          int v = e >>> 4;
          if (lastRow[k] == r && lastCycle[k] == t - 1) {
            bypasses++;
          } else {
            accReads++;
          }
          lastRow[k] = r;
          lastCycle[k] = t;
          if (v == 0) {
            padding++;
          } else {
            int exact = cur[k] * codebook[v];
            int prod = exact >> fw;
            int rem = exact & remMask;
            if (rem > half || (rem == half && (prod & 1) != 0)) {
              prod++; // round to nearest, ties to even
            }
            if (prod > Short.MAX_VALUE) {
              prod = Short.MAX_VALUE;
            } else if (prod < Short.MIN_VALUE) {
              prod = Short.MIN_VALUE;
            }
            int idx = k * rpb + r;
            int s = acc[idx] + prod;
            acc[idx] = s > Short.MAX_VALUE ? Short.MAX_VALUE : Math.max(s, Short.MIN_VALUE);
            macs++;
          }
          entries++;
          pos[k] = p + 1;
        }
        // broadcast
        boolean loading = false;
        while (loadLeft == 0 && next == nzEnd[ib] && ib + 1 < inBatches) {
          ib++;
          loadLeft = loadCycles[ib];
        }
        if (loadLeft > 0) {
          loadLeft--;
          loading = true;
        } else if (t >= lnzd && next < nzEnd[ib] && full == 0) {
          int j = nzIdx[next++];
          for (int k = 0; k < n; k++) {
            int tail = qHead[k] + qSize[k];
            if (tail >= depth) {
              tail -= depth;
            }
            qCol[k * depth + tail] = j;
            if (++qSize[k] == depth) {
              full++;
            }
          }
          broadcasts++;
        }
        if (working > 0) {
          compute++;
          busy += working;
          bubbles += n - working;
        } else if (loading) {
          io++;
        } else {
          boolean pending = next < nz || loadLeft > 0 || ib + 1 < inBatches;
          if (!pending) {
            boolean queued = false;
            for (int k = 0; k < n && !queued; k++) {
              queued = qSize[k] > 0;
            }
            if (!queued) {
              break; // this cycle did nothing and nothing is left
            }
          }
          fillDrain++;
        }
        t++;
      }
      fillDrain += cfg.pipelineStages() - 1;
      if (outSram) {
        int most = 0;
        for (int k = 0; k < n; k++) {
          most = Math.max(most, layer.batchRows(k, b));
          actSramWrites += layer.batchRows(k, b);
        }
        io += most;
      }
      for (int k = 0; k < n; k++) {
        int lrows = layer.batchRows(k, b);
        for (int r = 0; r < lrows; r++) {
          int v = acc[k * rpb + r];
          out[(b * rpb + r) * n + k] = layer.relu() && v < 0 ? 0 : v;
        }
      }
    }
    cycles = compute + fillDrain + io;
    long scanned = (long) cols * nb;
    return new EieLayerRun(
        layer.name(),
        cycles,
        compute,
        fillDrain,
        io,
        busy,
        bubbles,
        entries,
        macs,
        padding,
        ptrReads,
        spmatReads,
        accReads,
        bypasses,
        broadcasts,
        scanned,
        broadcasts * n,
        actSramReads,
        actSramWrites,
        keepOutputs ? out : null);
  }

  /**
   * The analytical tier: the same layer with an unbounded activation queue and free input loads
   * after the first, so each PE only waits for the first broadcast: per output batch {@code ⌈log4
   * N⌉ + 1 + max_k W_k + (stages − 1)} cycles, {@code W_k = Σ over non-zero inputs j of max(1,
   * entries of column j in PE k)}, plus the first input load and the output stores. A lower bound
   * of {@link #run} (equal to it when the queue never fills and inputs fit the register files).
   */
  public static long analyticalCycles(EncodedLayer layer, int[] act, EieConfig cfg) {
    int n = cfg.pes();
    int nb = layer.batches();
    boolean inSram = layer.cols() > cfg.registerFileCapacity();
    boolean outSram = layer.rows() > cfg.registerFileCapacity();
    long total = 0;
    boolean any = false;
    for (int a : act) {
      any |= a != 0;
    }
    for (int b = 0; b < nb; b++) {
      long most = 0;
      for (int k = 0; k < n; k++) {
        int[] p = layer.ptr()[k * nb + b];
        long w = 0;
        for (int j = 0; j < act.length; j++) {
          if (act[j] != 0) {
            w += Math.max(1, p[j + 1] - p[j]);
          }
        }
        most = Math.max(most, w);
      }
      if (inSram) {
        total += Math.ceilDiv((long) Math.min(layer.cols(), cfg.registerFileCapacity()), n);
      }
      total += any ? cfg.lnzdLevels() + 1 + most : 0;
      total += cfg.pipelineStages() - 1;
      if (outSram) {
        int rowsMost = 0;
        for (int k = 0; k < n; k++) {
          rowsMost = Math.max(rowsMost, layer.batchRows(k, b));
        }
        total += rowsMost;
      }
    }
    return total;
  }
}
