package dev.silica.isa.tpu;

import dev.silica.isa.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Hand-written and seeded random TPU programs for the round-trip and fuzz tests. */
final class TpuPrograms {
  private TpuPrograms() {}

  /**
   * One fully connected layer with a 512-wide input and a 256-wide output at batch 200 (MLP0's
   * batch, papers-inputs §2.3): two K-slices, the second accumulating; then a convolution-style
   * layer over the 200 result rows in 4 repetitions of 50, tanh and max-pooled 2:1 into 100 rows
   * written back to the host. Every instruction kind appears.
   */
  static Program<TpuInstr> fullyConnected() {
    return new Program<>(
        "fc_512x256_b200",
        List.of(
            new ReadHostMemory(0x1000, 0, 400, 1),
            new ReadWeights(0, 2, 1),
            new MatrixMultiply(0, 0, 200, 1, false, false),
            new MatrixMultiply(200, 0, 200, 1, true, false),
            new Activate(0, 0x000400, 200, 1, ActivationFunction.RELU),
            new ReadWeights(0x20000, 1, 1),
            new MatrixMultiply(0x000400, 256, 50, 4, false, true),
            new Activate(
                256,
                0x000800,
                50,
                4,
                ActivationFunction.TANH,
                Optional.of(new Pooling(PoolKind.MAX, 2, 2))),
            new Sync(SyncKind.ALL),
            new WriteHostMemory(0x000800, 0x80000, 100, 1),
            new Sync(SyncKind.HOST),
            new Nop(),
            new Halt()),
        Map.of("batch", "200"));
  }

  /** The printed form of {@link #fullyConnected()}, the disassembler's exact output. */
  static final String FULLY_CONNECTED_TEXT =
      """
      .program fc_512x256_b200
      .meta batch=200
      read_host_memory host=0x1000 ub=0x000000 rows=400 repeat=1
      read_weights dram=0x0 tiles=2 repeat=1
      matmul ub=0x000000 acc=0 rows=200 repeat=1
      matmul ub=0x0000c8 acc=0 rows=200 repeat=1 accumulate
      activate acc=0 ub=0x000400 rows=200 repeat=1 fn=relu
      read_weights dram=0x20000 tiles=1 repeat=1
      matmul ub=0x000400 acc=256 rows=50 repeat=4 convolve
      activate acc=256 ub=0x000800 rows=50 repeat=4 fn=tanh pool=max window=2 stride=2
      sync wait=all
      write_host_memory ub=0x000800 host=0x80000 rows=100 repeat=1
      sync wait=host
      nop
      halt
      """;

  /** A random valid program of {@code length} instructions under {@code limits}. */
  static Program<TpuInstr> random(long seed, TpuIsaLimits limits, int length) {
    SplittableRandom r = new SplittableRandom(seed);
    List<TpuInstr> instrs = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      instrs.add(randomInstr(r, limits));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    int entries = r.nextInt(4);
    for (int i = 0; i < entries; i++) {
      meta.put("key" + i + (r.nextBoolean() ? ".sub_" + r.nextInt(10) : ""), word(r));
    }
    return new Program<>(word(r), instrs, meta);
  }

  private static final String WORD_CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:/-+=,;()[]{}%@!éß";

  private static String word(SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      b.append(WORD_CHARS.charAt(r.nextInt(WORD_CHARS.length())));
    }
    return b.toString();
  }

  static TpuInstr randomInstr(SplittableRandom r, TpuIsaLimits limits) {
    int ubRows = limits.unifiedBufferRows();
    int accRows = limits.accumulatorRows();
    return switch (r.nextInt(8)) {
      case 0 -> {
        int rows = 1 + r.nextInt(Math.min(ubRows, 512));
        int repeat = 1 + r.nextInt(Math.max(1, Math.min(4, ubRows / rows)));
        long bytes = (long) rows * limits.ubRowBytes() * repeat;
        yield new ReadHostMemory(
            pick(r, limits.hostMemoryBytes() - bytes),
            (int) pick(r, ubRows - (long) rows * repeat),
            rows,
            repeat);
      }
      case 1 -> {
        int tiles = 1 + r.nextInt(8);
        int repeat = 1 + r.nextInt(3);
        long bytes = tiles * limits.weightTileBytes() * repeat;
        yield new ReadWeights(pick(r, limits.weightMemoryBytes() - bytes), tiles, repeat);
      }
      case 2 -> {
        int cap = Math.min(ubRows, accRows);
        int rows = 1 + r.nextInt(Math.min(cap, 256));
        int repeat = 1 + r.nextInt(Math.max(1, Math.min(8, cap / rows)));
        long total = (long) rows * repeat;
        yield new MatrixMultiply(
            (int) pick(r, ubRows - total),
            (int) pick(r, accRows - total),
            rows,
            repeat,
            r.nextBoolean(),
            r.nextBoolean());
      }
      case 3 -> {
        int cap = Math.min(ubRows, accRows);
        int rows = 1 + r.nextInt(Math.min(cap, 256));
        int repeat = 1 + r.nextInt(Math.max(1, Math.min(4, cap / rows)));
        Optional<Pooling> pooling =
            r.nextBoolean()
                ? Optional.empty()
                : Optional.of(
                    new Pooling(
                        PoolKind.values()[r.nextInt(2)],
                        1 + r.nextInt(Math.min(rows, 4)),
                        1 + r.nextInt(3)));
        ActivationFunction fn =
            ActivationFunction.values()[r.nextInt(ActivationFunction.values().length)];
        Activate probe = new Activate(0, 0, rows, repeat, fn, pooling);
        long out = (long) probe.outputRows() * repeat;
        yield new Activate(
            (int) pick(r, accRows - (long) rows * repeat),
            (int) pick(r, ubRows - out),
            rows,
            repeat,
            fn,
            pooling);
      }
      case 4 -> {
        int rows = 1 + r.nextInt(Math.min(ubRows, 512));
        int repeat = 1 + r.nextInt(Math.max(1, Math.min(4, ubRows / rows)));
        long bytes = (long) rows * limits.ubRowBytes() * repeat;
        yield new WriteHostMemory(
            (int) pick(r, ubRows - (long) rows * repeat),
            pick(r, limits.hostMemoryBytes() - bytes),
            rows,
            repeat);
      }
      case 5 -> new Sync(SyncKind.values()[r.nextInt(2)]);
      case 6 -> new Nop();
      default -> new Halt();
    };
  }

  /** A start address in {@code [0, max]}: the lowest, the highest or a random one. */
  private static long pick(SplittableRandom r, long max) {
    return switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> max;
      default -> r.nextLong(max + 1);
    };
  }
}
