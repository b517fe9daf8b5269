/**
 * Training by backpropagation on real data: the IDX reader and {@link
 * dev.silica.workloads.train.Dataset} (Fashion-MNIST from Debian's {@code dataset-fashion-mnist}),
 * {@link dev.silica.workloads.train.TrainableGraph} (reverse-mode gradients over the IR for the ops
 * LeNet-style networks use), {@link dev.silica.workloads.train.Optimizer} (SGD with momentum, Adam)
 * and the deterministic multi-threaded {@link dev.silica.workloads.train.Trainer}.
 */
package dev.silica.workloads.train;
