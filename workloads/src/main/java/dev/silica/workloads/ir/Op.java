package dev.silica.workloads.ir;

import java.util.List;

/**
 * An operation of the graph IR: a record of attributes with shape inference and an iteration space.
 * Operands and results are wired by the {@link Node} that applies it, so the same op value can be
 * reused and two nodes with equal attributes have equal ops.
 *
 * <p>Every op validates its attributes in its compact constructor, so an invalid op cannot exist.
 * {@link #infer} checks the operand types and returns the result types, throwing {@link
 * IrException} with a message that the {@link GraphBuilder} prefixes with the node name. Code that
 * handles ops switches over this sealed type without a {@code default} branch, so the compiler
 * names every model that forgets an op.
 *
 * <p>Element-wise activations (ReLU and friends) and dropout work in place and reshapes are views:
 * they report {@link #allocatesOutput()} false, which keeps activation-memory accounting equal to
 * what frameworks (and the CS231n tables) count.
 */
public sealed interface Op
    permits Conv2d,
        ConvTranspose2d,
        Gemm,
        MatMul,
        MaxPool,
        AvgPool,
        GlobalAvgPool,
        Relu,
        LeakyRelu,
        Sigmoid,
        Tanh,
        Gelu,
        Add,
        Mul,
        Concat,
        BatchNorm,
        Lrn,
        Softmax,
        LayerNorm,
        Flatten,
        Reshape,
        Transpose,
        Dropout,
        Lstm,
        Gru,
        Rnn,
        MaxUnpool,
        Upsample,
        Embedding,
        OneHot,
        CausalMask,
        PRelu,
        LogSoftmax,
        Cast,
        QuantizeLinear,
        DequantizeLinear,
        MatMulInteger,
        ConvInteger,
        QLinearMatMul,
        QLinearConv,
        Resize {

  /** The op's name in the IR text form, e.g. {@code conv2d}. */
  String kind();

  /**
   * Checks the operand types and returns the result types.
   *
   * @throws IrException when the operands do not fit, naming what is wrong
   */
  List<TensorType> infer(List<TensorType> inputs);

  /** The loop nest this op performs on operands of the given (already checked) types. */
  IterationSpace iterationSpace(List<TensorType> inputs, List<TensorType> outputs);

  /** False for ops that work in place or return a view: they need no new activation memory. */
  default boolean allocatesOutput() {
    return true;
  }
}
