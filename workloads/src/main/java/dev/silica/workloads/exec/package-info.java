/**
 * The functional reference executor: {@link dev.silica.workloads.exec.ReferenceExecutor} runs a
 * graph on {@link dev.silica.workloads.tensor.Tensor}s in FP32 (the golden outputs) or FP64 (the
 * oracle the FP32 kernels are tested against), with {@link dev.silica.workloads.exec.Weights} from
 * an importer or from {@link dev.silica.workloads.exec.SeededInit}.
 */
package dev.silica.workloads.exec;
