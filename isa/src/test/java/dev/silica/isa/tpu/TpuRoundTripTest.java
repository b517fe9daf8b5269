package dev.silica.isa.tpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silica.isa.Program;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The disassembler's text reads back to an equal program: exact text for a hand-written program,
 * hand-written text in free form (comments, operand order, hex or decimal, CRLF), and seeded random
 * programs on the TPU v1 limits and on a smaller machine.
 */
class TpuRoundTripTest {
  /** A 128 × 128 machine with 1 MiB of Unified Buffer: 8192 rows of 128 B, 512 accumulator rows. */
  static final TpuIsaLimits SMALL = new TpuIsaLimits(128, 1 << 20, 512, 2, 64L << 20, 1L << 30);

  @Test
  void handWrittenProgramPrintsExactly() {
    Program<TpuInstr> p = TpuPrograms.fullyConnected();
    assertThat(TpuDisassembler.print(p)).isEqualTo(TpuPrograms.FULLY_CONNECTED_TEXT);
    assertThat(TpuAssembler.parse(TpuPrograms.FULLY_CONNECTED_TEXT, "fc.tpu")).isEqualTo(p);
  }

  @Test
  void handWrittenProgramCoversEveryInstruction() {
    Set<Class<?>> kinds = new HashSet<>();
    for (TpuInstr i : TpuPrograms.fullyConnected().instructions()) {
      kinds.add(i.getClass());
    }
    assertThat(kinds).containsExactlyInAnyOrder(TpuInstr.class.getPermittedSubclasses());
    assertThat(TpuAssembler.mnemonics())
        .containsExactly(
            "read_host_memory",
            "read_weights",
            "matmul",
            "activate",
            "write_host_memory",
            "sync",
            "nop",
            "halt");
  }

  @Test
  void freeFormTextParses() {
    String text =
        "# a comment line\r\n"
            + "\r\n"
            + "  .meta source=zoo:mlp0   # trailing comment\r\n"
            + "matmul\tacc=0x10 convolve rows=256 ub=256 repeat=4 accumulate\r\n"
            + "activate fn=sigmoid stride=1 window=3 pool=avg rows=10 ub=0X1F acc=7\r\n"
            + "read_weights tiles=3 dram=65536\r\n"
            + "sync wait=host";
    Program<TpuInstr> p = TpuAssembler.parse(text, "free.tpu");
    assertThat(p.name()).isEqualTo(Program.DEFAULT_NAME);
    assertThat(p.metadata()).containsExactly(Map.entry("source", "zoo:mlp0"));
    assertThat(p.instructions())
        .containsExactly(
            new MatrixMultiply(256, 16, 256, 4, true, true),
            new Activate(
                7,
                31,
                10,
                1,
                ActivationFunction.SIGMOID,
                Optional.of(new Pooling(PoolKind.AVG, 3, 1))),
            new ReadWeights(65536, 3, 1),
            new Sync(SyncKind.HOST));
  }

  @Test
  void emptyTextIsAnEmptyProgram() {
    assertThat(TpuAssembler.parse("", "empty.tpu")).isEqualTo(Program.of(Program.DEFAULT_NAME));
    assertThat(TpuAssembler.parse("# nothing\n\n", "empty.tpu").instructions()).isEmpty();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTpuV1ProgramRoundTrips(long seed) {
    Program<TpuInstr> p = TpuPrograms.random(seed, TpuIsaLimits.TPU_V1, 1 + (int) (seed * 7 % 60));
    String text = TpuDisassembler.print(p);
    Program<TpuInstr> back = TpuAssembler.parse(text, "seed" + seed + ".tpu");
    assertThat(back).isEqualTo(p);
    assertThat(TpuDisassembler.print(back)).isEqualTo(text);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSmallMachineProgramRoundTrips(long seed) {
    Program<TpuInstr> p = TpuPrograms.random(1000 + seed, SMALL, 30);
    for (TpuInstr i : p.instructions()) {
      SMALL.check(i);
    }
    assertThat(TpuAssembler.parse(TpuDisassembler.print(p), "small.tpu", SMALL)).isEqualTo(p);
  }

  @Test
  void randomProgramsUseEveryInstructionAndBoundaryAddresses() {
    Set<Class<?>> kinds = new HashSet<>();
    boolean topOfUb = false;
    for (long seed : seeds().toArray()) {
      for (TpuInstr i : TpuPrograms.random(seed, TpuIsaLimits.TPU_V1, 60).instructions()) {
        kinds.add(i.getClass());
        if (i instanceof MatrixMultiply m
            && m.ubAddress() + m.totalRows() == TpuIsaLimits.TPU_V1.unifiedBufferRows()) {
          topOfUb = true;
        }
      }
    }
    assertThat(kinds).hasSize(TpuInstr.class.getPermittedSubclasses().length);
    assertThat(topOfUb).as("some matmul ends exactly at the top of the UB").isTrue();
  }

  @Test
  void singleInstructionLinesRoundTrip() {
    for (TpuInstr i : TpuPrograms.fullyConnected().instructions()) {
      String line = TpuDisassembler.print(i);
      assertThat(TpuAssembler.parse(line, "line.tpu").instructions()).isEqualTo(List.of(i));
    }
  }
}
