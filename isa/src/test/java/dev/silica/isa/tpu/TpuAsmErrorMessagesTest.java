package dev.silica.isa.tpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.isa.AssemblyException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error messages are part of the interface: each row is one bad input (source {@code t.tpu}, TPU v1
 * limits) and the exact message it must give. Columns count from 1; a missing operand points at the
 * mnemonic, a bad value at the value, any other operand rule at the operand.
 */
class TpuAsmErrorMessagesTest {
  private static final String MNEMONICS =
      "read_host_memory, read_weights, matmul, activate, write_host_memory, sync, nop, halt";

  static Stream<Arguments> badInputs() {
    return Stream.of(
        // unknown mnemonic: the valid ones are listed
        bad(
            "matmull ub=0 acc=0 rows=1",
            "1:1: unknown instruction 'matmull' (expected one of: " + MNEMONICS + ")"),
        bad(
            "  MATMUL ub=0",
            "1:3: unknown instruction 'MATMUL' (expected one of: " + MNEMONICS + ")"),
        bad(
            "# header\n\nfoo\n",
            "3:1: unknown instruction 'foo' (expected one of: " + MNEMONICS + ")"),
        // missing, duplicate, unknown operands
        bad("  matmul ub=0 rows=1", "1:3: matmul: missing operand 'acc'"),
        bad("activate acc=0 ub=0 rows=4", "1:1: activate: missing operand 'fn'"),
        bad("sync", "1:1: sync: missing operand 'wait'"),
        bad("read_weights tiles=1", "1:1: read_weights: missing operand 'dram'"),
        bad(
            "matmul ub=0 acc=0 rows=1 ub=1",
            "1:26: matmul: duplicate operand 'ub' (first at column 8)"),
        bad(
            "matmul ub=0 acc=0 rows=1 accumulate accumulate",
            "1:37: matmul: duplicate operand 'accumulate' (first at column 26)"),
        bad(
            "matmul ub=0 acc=0 rows=1 acumulate",
            "1:26: matmul: unknown operand 'acumulate' (expected one of: ub, acc, rows, repeat,"
                + " accumulate, convolve)"),
        bad(
            "read_weights dram=0 tiles=1 ub=0",
            "1:29: read_weights: unknown operand 'ub' (expected one of: dram, tiles, repeat)"),
        bad("nop x=1", "1:5: nop takes no operands, got 'x=1'"),
        bad("halt now", "1:6: halt takes no operands, got 'now'"),
        bad("matmul ub=0 acc=0 =5", "1:19: matmul: operand '=5' has no name"),
        bad("matmul ub=0 acc=0 rows", "1:19: matmul: operand rows needs a value (rows=<integer>)"),
        bad(
            "activate acc=0 ub=0 rows=4 fn",
            "1:28: activate: operand fn needs a value (fn=none|relu|sigmoid|tanh)"),
        bad(
            "matmul ub=0 acc=0 rows=1 accumulate=1",
            "1:26: matmul: accumulate is a flag and takes no value"),
        // pooling operands come together
        bad(
            "activate acc=0 ub=0 rows=4 fn=relu window=2",
            "1:36: activate: window needs pool=max|avg"),
        bad(
            "activate acc=0 ub=0 rows=4 fn=relu pool=max window=2",
            "1:36: activate: missing operand 'stride' (pool needs window and stride)"),
        bad(
            "activate acc=0 ub=0 rows=4 fn=relu pool=max window=5 stride=1",
            "1:45: activate: window must not exceed rows (4), got 5"),
        bad(
            "activate acc=0 ub=0 rows=4 fn=relu pool=max window=0 stride=1",
            "1:45: activate: window must be at least 1, got 0"),
        bad(
            "activate acc=0 ub=0 rows=4 fn=relu pool=sum window=2 stride=1",
            "1:41: activate: pool must be one of max, avg, got 'sum'"),
        // bad numbers and enum words point at the value
        bad(
            "matmul ub=0 acc=0 rows=12x",
            "1:24: matmul: rows must be a decimal or 0x-hex integer, got '12x'"),
        bad(
            "matmul ub=0 acc=0 rows=-1",
            "1:24: matmul: rows must be a decimal or 0x-hex integer, got '-1'"),
        bad(
            "matmul ub=0x acc=0 rows=1",
            "1:11: matmul: ub must be a decimal or 0x-hex integer, got '0x'"),
        bad(
            "matmul ub=0xg acc=0 rows=1",
            "1:11: matmul: ub must be a decimal or 0x-hex integer, got '0xg'"),
        bad(
            "matmul ub= acc=0 rows=1",
            "1:11: matmul: ub must be a decimal or 0x-hex integer, got ''"),
        bad(
            "matmul ub=0 acc=0 rows=1_000",
            "1:24: matmul: rows must be a decimal or 0x-hex integer, got '1_000'"),
        bad(
            "matmul ub=0 acc=0 rows=\u0661",
            "1:24: matmul: rows must be a decimal or 0x-hex integer, got '\u0661'"),
        bad(
            "matmul ub=0 acc=0 rows=1\u0000",
            "1:24: matmul: rows must be a decimal or 0x-hex integer, got '1\\u0000'"),
        bad(
            "matmul ub=0 acc=0 rows=4294967296",
            "1:24: matmul: rows must be at most 2147483647, got 4294967296"),
        bad(
            "activate acc=0 ub=0 rows=4 fn=gelu",
            "1:31: activate: fn must be one of none, relu, sigmoid, tanh, got 'gelu'"),
        bad("sync wait=weights", "1:11: sync: wait must be one of host, all, got 'weights'"),
        bad("sync wait=ALL", "1:11: sync: wait must be one of host, all, got 'ALL'"),
        // record rules point at the operand
        bad("matmul ub=0 acc=0 rows=0", "1:19: matmul: rows must be at least 1, got 0"),
        bad("matmul ub=0 acc=0 rows=1 repeat=0", "1:26: matmul: repeat must be at least 1, got 0"),
        bad("read_weights dram=0 tiles=0", "1:21: read_weights: tiles must be at least 1, got 0"),
        // addresses outside a capacity name the limit (TPU v1, papers-inputs §2.1)
        bad(
            "matmul ub=0x018000 acc=0 rows=1",
            "1:11: matmul: ub must be below unified_buffer_rows (98304), got 98304"),
        bad(
            "matmul ub=0 acc=4096 rows=1",
            "1:17: matmul: acc must be below accumulator_rows (4096), got 4096"),
        bad(
            "matmul ub=99999999999999999999999 acc=0 rows=1",
            "1:11: matmul: ub must be below unified_buffer_rows (98304), got 99999999999999999999999"),
        bad(
            "read_host_memory host=0x4000000000 ub=0 rows=1",
            "1:23: read_host_memory: host must be below host_memory_bytes (274877906944), got"
                + " 274877906944"),
        bad(
            "read_weights dram=0x200000000 tiles=1",
            "1:19: read_weights: dram must be below weight_memory_bytes (8589934592), got"
                + " 8589934592"),
        // ranges over all repetitions name the limit and point at the operand
        bad(
            "matmul ub=0 acc=4000 rows=100",
            "1:13: matmul: acc + rows*repeat must not exceed accumulator_rows (4096), got 4100"),
        bad(
            "matmul ub=98000 acc=0 rows=100 repeat=4",
            "1:8: matmul: ub + rows*repeat must not exceed unified_buffer_rows (98304), got 98400"),
        bad(
            "read_weights dram=0x1ffff0000 tiles=2",
            "1:14: read_weights: dram + tiles*65536*repeat must not exceed weight_memory_bytes"
                + " (8589934592), got 8590000128"),
        bad(
            "activate acc=0 ub=98300 rows=20 fn=none pool=avg window=2 stride=2",
            "1:16: activate: ub + out_rows*repeat must not exceed unified_buffer_rows (98304), got"
                + " 98310"),
        bad(
            "write_host_memory ub=98303 host=0 rows=2",
            "1:19: write_host_memory: ub + rows*repeat must not exceed unified_buffer_rows (98304),"
                + " got 98305"),
        bad(
            "write_host_memory ub=0 host=0x3fffffff00 rows=2",
            "1:24: write_host_memory: host + rows*256*repeat must not exceed host_memory_bytes"
                + " (274877906944), got 274877907200"),
        // directives
        bad(".prog x", "1:1: unknown directive '.prog' (expected one of: .program, .meta)"),
        bad(".program", "1:1: .program needs a name (.program NAME)"),
        bad(".program a b", "1:12: .program takes a name (.program NAME), got extra 'b'"),
        bad(".program a\n.program b", "2:1: duplicate .program (first on line 1)"),
        bad(
            ".program a\u00a0b",
            "1:10: program name must be one word without blanks, '#' or control characters, got"
                + " 'a\\u00a0b'"),
        bad(".meta batch", "1:7: .meta needs key=value, got 'batch'"),
        bad(
            ".meta Batch=1",
            "1:7: metadata key must be a lower-case word ([a-z][a-z0-9_.]*), got 'Batch'"),
        bad(
            ".meta batch=",
            "1:13: metadata value of 'batch' must be one word without blanks, '#' or control"
                + " characters, got ''"),
        bad(".meta batch=1\n.meta batch=2", "2:7: duplicate .meta key 'batch' (first on line 1)"),
        // positions on later lines, with CRLF and tabs
        bad(
            "nop\r\nnop\r\n\tmatmul ub=0 acc=0 rows=x\r\n",
            "3:25: matmul: rows must be a decimal or 0x-hex integer, got 'x'"));
  }

  private static Arguments bad(String text, String message) {
    return Arguments.of(text, "t.tpu:" + message);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badInputs")
  void badInputGivesItsExactMessage(String text, String message) {
    assertThatThrownBy(() -> TpuAssembler.parse(text, "t.tpu"))
        .isInstanceOf(AssemblyException.class)
        .hasMessage(message);
  }

  @Test
  void exceptionCarriesItsPosition() {
    assertThatThrownBy(() -> TpuAssembler.parse("nop\n  halt x", "p.tpu"))
        .isInstanceOfSatisfying(
            AssemblyException.class,
            e -> {
              assertThat(e.source()).isEqualTo("p.tpu");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(8);
              assertThat(e.detail()).isEqualTo("halt takes no operands, got 'x'");
            });
  }

  @Test
  void limitsOfASmallerMachineAreNamed() {
    // the 128 x 128 machine of TpuRoundTripTest: 1 MiB / 128 B = 8192 UB rows, 512 acc rows
    assertThatThrownBy(() ->
            TpuAssembler.parse("matmul ub=8192 acc=0 rows=1", "s.tpu", TpuRoundTripTest.SMALL))
        .hasMessage("s.tpu:1:11: matmul: ub must be below unified_buffer_rows (8192), got 8192");
    assertThatThrownBy(() ->
            TpuAssembler.parse(
                "read_weights dram=0x3ffc000 tiles=2", "s.tpu", TpuRoundTripTest.SMALL))
        .hasMessage(
            "s.tpu:1:14: read_weights: dram + tiles*16384*repeat must not exceed"
                + " weight_memory_bytes (67108864), got 67125248");
  }

  @Test
  void theTableCoversEveryKindOfError() {
    assertThat(badInputs().count()).isGreaterThanOrEqualTo(55);
  }
}
