package dev.silica.isa.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.isa.InvalidOperandException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The records' own rules, the TPU v1 capacities and the cost helpers the systolic model uses. */
class TpuInstrTest {
  private static final TpuIsaLimits V1 = TpuIsaLimits.TPU_V1;

  @Test
  void tpuV1CapacitiesAreThePapers() {
    // Jouppi et al. ISCA 2017 §2 (papers-inputs §2.1): 256 x 256 MACs = 65,536
    assertThat(V1.macsPerCycle()).isEqualTo(65_536);
    // 24 MiB Unified Buffer in 256-byte rows: 24 * 2^20 / 256 = 98,304 rows
    assertThat(V1.unifiedBufferRows()).isEqualTo(98_304);
    // 4 MiB of accumulators = 4096 x 256 x 32-bit (papers-inputs §2.1)
    assertThat(V1.accumulatorBytes()).isEqualTo(4L << 20);
    // one weight tile is 64 KiB (256 x 256 x 8-bit); the FIFO is 4 tiles deep
    assertThat(V1.weightTileBytes()).isEqualTo(64L << 10);
    assertThat(V1.weightFifoTiles()).isEqualTo(4);
    // 8 GiB DDR3 Weight Memory; 256 GiB of host DRAM in the TPU server (Table 2)
    assertThat(V1.weightMemoryBytes()).isEqualTo(8L << 30);
    assertThat(V1.hostMemoryBytes()).isEqualTo(256L << 30);
    // the 3-byte UB and 2-byte accumulator address fields of the 12-byte MatrixMultiply hold them
    assertThat(V1.unifiedBufferRows()).isLessThan(TpuInstr.UB_ADDRESS_LIMIT);
    assertThat(V1.accumulatorRows()).isLessThan(TpuInstr.ACC_ADDRESS_LIMIT);
  }

  @Test
  void costHelpersFollowTheirFormulas() {
    // B x 256 input times a 256 x 256 tile, repeated: rows * repeat * 256^2 MACs
    MatrixMultiply mm = new MatrixMultiply(0, 0, 200, 4, true, false);
    assertThat(mm.totalRows()).isEqualTo(800);
    assertThat(mm.macs(V1)).isEqualTo(800L * 65_536);
    assertThat(new ReadHostMemory(0, 0, 10, 3).bytes(V1)).isEqualTo(10L * 256 * 3);
    assertThat(new WriteHostMemory(0, 0, 7, 1).bytes(V1)).isEqualTo(7L * 256);
    assertThat(new ReadWeights(0, 4, 2).bytes(V1)).isEqualTo(8L * 65_536);
    // pooling 2:1 over 50 rows: (50 - 2) / 2 + 1 = 25; window 3 stride 2 over 10: (10-3)/2+1 = 4
    Pooling max2 = new Pooling(PoolKind.MAX, 2, 2);
    assertThat(new Activate(0, 0, 50, 1, ActivationFunction.RELU, Optional.of(max2)).outputRows())
        .isEqualTo(25);
    assertThat(
            new Activate(
                    0,
                    0,
                    10,
                    1,
                    ActivationFunction.NONE,
                    Optional.of(new Pooling(PoolKind.AVG, 3, 2)))
                .outputRows())
        .isEqualTo(4);
    assertThat(new Activate(0, 0, 10, 1, ActivationFunction.NONE).outputRows()).isEqualTo(10);
  }

  @Test
  void recordsRejectWhatNoMachineAllows() {
    assertThatThrownBy(() -> new MatrixMultiply(0, 0, 0, 1, false, false))
        .isInstanceOfSatisfying(
            InvalidOperandException.class,
            e -> {
              assertThat(e.mnemonic()).isEqualTo("matmul");
              assertThat(e.operand()).isEqualTo("rows");
            })
        .hasMessage("matmul: rows must be at least 1, got 0");
    assertThatThrownBy(() -> new MatrixMultiply(1 << 24, 0, 1, 1, false, false))
        .hasMessage(
            "matmul: ub must fit the 3-byte UB address field (below 16777216), got 16777216");
    assertThatThrownBy(() -> new Activate(1 << 16, 0, 1, 1, ActivationFunction.RELU))
        .hasMessage(
            "activate: acc must fit the 2-byte accumulator address field (below 65536), got 65536");
    assertThatThrownBy(() -> new ReadHostMemory(-1, 0, 1, 1))
        .hasMessage("read_host_memory: host must not be negative, got -1");
    assertThatThrownBy(() -> new WriteHostMemory(-5, 0, 1, 1))
        .hasMessage("write_host_memory: ub must not be negative, got -5");
    assertThatThrownBy(() -> new ReadWeights(0, 1, 0))
        .hasMessage("read_weights: repeat must be at least 1, got 0");
    assertThatThrownBy(() -> new Activate(0, 0, 1, 1, null))
        .hasMessage("activate: fn must be given, got null");
    assertThatThrownBy(() -> new Pooling(PoolKind.MAX, 1, 0))
        .hasMessage("activate: stride must be at least 1, got 0");
    assertThatThrownBy(() -> new Sync(null)).hasMessage("sync: wait must be given, got null");
  }

  @Test
  void limitsCheckEveryRangeOverAllRepetitions() {
    // 98,304 UB rows: 98,304 - 4 * 24,576 = 0, so four repetitions of 24,576 rows fill it exactly
    V1.check(new ReadHostMemory(0, 0, 24_576, 4));
    assertThatThrownBy(() -> V1.check(new ReadHostMemory(0, 1, 24_576, 4)))
        .isInstanceOf(InvalidOperandException.class)
        .hasMessage(
            "read_host_memory: ub + rows*repeat must not exceed unified_buffer_rows (98304), got"
                + " 98305");
    // 4096 accumulator rows
    V1.check(new MatrixMultiply(0, 4095, 1, 1, false, false));
    assertThatThrownBy(() -> V1.check(new MatrixMultiply(0, 4095, 1, 2, false, false)))
        .hasMessage("matmul: acc + rows*repeat must not exceed accumulator_rows (4096), got 4097");
    // products that overflow a long are still reported exactly: (2^31 - 1)^2 * 65536
    assertThatThrownBy(() -> V1.check(new ReadWeights(0, Integer.MAX_VALUE, Integer.MAX_VALUE)))
        .hasMessage(
            "read_weights: dram + tiles*65536*repeat must not exceed weight_memory_bytes"
                + " (8589934592), got 302231454622182317031424");
    V1.check(new Sync(SyncKind.ALL));
    V1.check(new Nop());
    V1.check(new Halt());
  }

  @Test
  void limitsRejectImpossibleMachines() {
    assertThatThrownBy(() -> new TpuIsaLimits(0, 1, 1, 1, 1, 1))
        .hasMessage("TpuIsaLimits: array_size must be positive, got 0");
    assertThatThrownBy(() -> new TpuIsaLimits(256, 1000, 1, 1, 1, 1))
        .hasMessage(
            "TpuIsaLimits: unified_buffer_bytes must be a multiple of array_size (256), got 1000");
    assertThatThrownBy(() -> new TpuIsaLimits(1, 1L << 25, 1, 1, 1, 1))
        .hasMessage(
            "TpuIsaLimits: unified_buffer_bytes / array_size must be at most 16777216 rows (the"
                + " 3-byte UB address field), got 33554432");
    assertThatThrownBy(() -> new TpuIsaLimits(256, 256, 1 << 17, 1, 1, 1))
        .hasMessage(
            "TpuIsaLimits: accumulator_rows must be at most 65536 (the 2-byte accumulator address"
                + " field), got 131072");
  }

  @Test
  void mnemonicsMatchTheTextForm() {
    assertThat(new Nop().mnemonic()).isEqualTo(Nop.MNEMONIC).isEqualTo("nop");
    assertThat(new Halt().mnemonic()).isEqualTo("halt");
    assertThat(new Sync(SyncKind.HOST).mnemonic()).isEqualTo("sync");
    assertThat(ActivationFunction.SIGMOID.text()).isEqualTo("sigmoid");
    assertThat(PoolKind.AVG.text()).isEqualTo("avg");
    assertThat(SyncKind.ALL.text()).isEqualTo("all");
  }
}
