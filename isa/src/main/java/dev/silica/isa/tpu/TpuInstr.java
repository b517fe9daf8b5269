package dev.silica.isa.tpu;

import dev.silica.isa.Instr;

/**
 * One TPU v1 instruction: the CISC instruction set of Jouppi et al., "In-Datacenter Performance
 * Analysis of a Tensor Processing Unit", ISCA 2017 (arXiv:1704.04760), §2 [1]; the numbers below
 * are those of papers-inputs §2.1–2.2.
 *
 * <h2>The machine</h2>
 *
 * <p>The host sends instructions over PCIe into an instruction buffer. A 256 × 256 array of 8-bit
 * MACs (the Matrix Multiply Unit, MMU) reads 256-element input rows from the 24 MiB Unified Buffer
 * (UB) and weights from a 4-tile-deep weight FIFO fed by an 8 GiB DDR3 Weight Memory, and writes
 * 256 32-bit partial sums per clock into 4 MiB of accumulators (4096 rows). The activation unit
 * reads accumulators, applies a nonlinearity and optional pooling, and writes 8-bit results back to
 * the UB. Instructions execute in a 4-stage pipeline, each in its own stage, with a typical CPI of
 * 10 to 20; CISC instructions carry a repeat field [1]. Capacities here are {@link TpuIsaLimits}
 * ({@link TpuIsaLimits#TPU_V1} for the paper's machine), with {@code N} the array side; UB and
 * accumulator addresses count rows, Weight-Memory and host addresses count bytes.
 *
 * <h2>Repeat</h2>
 *
 * <p>{@code repeat = r} (at least 1) runs the instruction {@code r} times back to back, each
 * repetition advancing every address by the extent one repetition covers: repetition {@code k}
 * starts at {@code address + k × extent}. One instruction with {@code repeat = r} does the same
 * work as {@code r} consecutive copies but costs one issue slot: the repeat field is what lets a
 * 12-byte instruction keep the array busy for thousands of cycles.
 *
 * <h2>Instructions and what the systolic model charges</h2>
 *
 * <dl>
 *   <dt>{@link ReadHostMemory} ({@code read_host_memory}, Read_Host_Memory)
 *   <dd>DMA from host memory into the UB: {@code rows × N} bytes per repetition, {@code rows × N ×
 *       repeat} in all, over the PCIe Gen3 x16 host link. Charged as bytes moved at the host link's
 *       bandwidth plus UB writes of {@code rows × repeat} rows.
 *   <dt>{@link ReadWeights} ({@code read_weights}, Read_Weights)
 *   <dd>Weight Memory into the weight FIFO: {@code tiles × N²} bytes per repetition (one tile is 64
 *       KiB on TPU v1). Decoupled access/execute: the instruction retires once it has sent its
 *       address, before the weights arrive; a MatrixMultiply whose tile has not arrived stalls, and
 *       a Read_Weights that finds the FIFO full waits. Charged as DRAM bytes at the Weight Memory's
 *       bandwidth (34 GB/s, Table 2 [1]), overlapped with computation.
 *   <dt>{@link MatrixMultiply} ({@code matmul}, MatrixMultiply/Convolve)
 *   <dd>Multiplies a {@code B × N} input (B = {@code rows}, read from the UB) by the {@code N × N}
 *       weight tile at the head of the FIFO and writes (or, with {@code accumulate}, adds) the
 *       {@code B × N} result into accumulator rows. "B pipelined cycles" per instruction [1]: one
 *       input row enters per clock. Each instruction consumes one tile for all its repetitions;
 *       shifting the next tile in takes {@code N} cycles and is hidden by double buffering unless
 *       the tile is late. Charged: {@code rows × repeat × N²} MACs; {@code rows × repeat} cycles of
 *       streaming plus the systolic fill and drain ({@code 2N − 2} skew) and any weight-load stall;
 *       UB reads of {@code rows × repeat} rows; accumulator writes of {@code rows × repeat} rows,
 *       plus as many reads when accumulating. The {@code convolve} flag marks input rows gathered
 *       from a convolution window (the paper's 2-D length); the array work is the same, so it
 *       changes no charge.
 *   <dt>{@link Activate} ({@code activate}, Activate)
 *   <dd>Reads {@code rows} accumulator rows, applies the function (none, ReLU, sigmoid, tanh) and
 *       the optional pooling in the dedicated pooling hardware, and writes 8-bit rows to the UB:
 *       {@code rows} rows without pooling, {@code (rows − window) / stride + 1} with it (pooling
 *       combines consecutive rows). Charged: {@code rows × repeat} cycles at one row per clock,
 *       accumulator reads of {@code rows × repeat} rows, UB writes of the output rows, and one
 *       activation per element.
 *   <dt>{@link WriteHostMemory} ({@code write_host_memory}, Write_Host_Memory)
 *   <dd>DMA from the UB to host memory; charged like Read_Host_Memory in the other direction.
 *   <dt>{@link Sync} ({@code sync})
 *   <dd>Issue waits until earlier work completes (the paper lists "two kinds of sync" without
 *       defining them; {@link SyncKind} is our reading). Charged as the stall cycles it waits.
 *   <dt>{@link Nop} ({@code nop}) and {@link Halt} ({@code halt})
 *   <dd>No work: one issue slot; Halt ends the program.
 * </dl>
 *
 * <p>Not modeled: the alternate host-memory read/write, set-configuration, interrupt-host and
 * debug-tag instructions [1], which move no tensor data. The RAW stall between a layer's Activate
 * and the next layer's MatrixMultiply on the same UB rows is the simulator's job, not a field.
 *
 * <h2>Encoding</h2>
 *
 * <p>A MatrixMultiply is 12 bytes: a 3-byte UB address, a 2-byte accumulator address, a 4-byte
 * length and opcode and flags [1]. Records therefore keep UB addresses below {@link
 * #UB_ADDRESS_LIMIT} and accumulator addresses below {@link #ACC_ADDRESS_LIMIT} on any machine; the
 * paper gives no width for the repeat field, which is any positive {@code int} here. Only the text
 * form ({@link TpuAssembler}, {@link TpuDisassembler}) is implemented.
 */
public sealed interface TpuInstr extends Instr
    permits ReadHostMemory,
        ReadWeights,
        MatrixMultiply,
        Activate,
        WriteHostMemory,
        Sync,
        Nop,
        Halt {

  /** UB addresses fit the 3-byte field: below 2^24 rows. */
  int UB_ADDRESS_LIMIT = 1 << 24;

  /** Accumulator addresses fit the 2-byte field: below 2^16 rows. */
  int ACC_ADDRESS_LIMIT = 1 << 16;

  /** The instruction's mnemonic in the text form ({@code matmul}). */
  String mnemonic();
}
