package dev.silica.benchmarks;

import dev.silica.numerics.FixedPoint;
import dev.silica.numerics.Fp16;
import dev.silica.numerics.arith.Mac;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the bit-exact number formats: FP16 encode (float → binary16, round to nearest even)
 * and decode over a 4096-element tensor, and emulated MACs (FP16×FP16→FP32 as tensor cores do,
 * int8×int8→int32, Q8.8×Q8.8 into a 32-bit accumulator) over 4096-element dot products. Scores are
 * per element (one conversion or one MAC).
 *
 * <p>Run: {@code ./mvnw -P benchmarks -pl benchmarks -am package -DskipTests && java -jar
 * benchmarks/target/benchmarks.jar NumericsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NumericsBenchmark {
  private static final int N = 4096;

  private float[] floats;
  private short[] halves;
  private short[] halvesB;
  private byte[] int8A;
  private byte[] int8B;
  private short[] q88A;
  private short[] q88B;
  private Mac tensorCore;
  private Mac int8;
  private Mac q88;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    floats = new float[N];
    int8A = new byte[N];
    int8B = new byte[N];
    q88A = new short[N];
    q88B = new short[N];
    for (int i = 0; i < N; i++) {
      floats[i] = (float) r.nextGaussian();
      int8A[i] = (byte) r.nextInt(-128, 128);
      int8B[i] = (byte) r.nextInt(-128, 128);
      q88A[i] = (short) r.nextInt(-1024, 1024); // |x| < 4 in Q8.8
      q88B[i] = (short) r.nextInt(-1024, 1024);
    }
    halves = Fp16.fromFloats(floats);
    halvesB = Fp16.fromFloats(floats.clone());
    tensorCore = Mac.tensorCoreFp16();
    int8 = Mac.int8();
    q88 = Mac.of(FixedPoint.q(8, 8), FixedPoint.q(16, 16), FixedPoint.q(16, 16));
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public short[] fp16Encode() {
    return Fp16.fromFloats(floats);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public float[] fp16Decode() {
    return Fp16.toFloats(halves);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long macFp16ToFp32() {
    return tensorCore.dot(halves, halvesB, 0L);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long macInt8ToInt32() {
    return int8.dot(int8A, int8B, 0L);
  }

  @Benchmark
  @OperationsPerInvocation(N)
  public long macQ88ToQ16x16() {
    return q88.dot(q88A, q88B, 0L);
  }
}
