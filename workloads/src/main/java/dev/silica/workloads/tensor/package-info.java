/**
 * Dense tensors on primitive arrays: {@link dev.silica.workloads.tensor.Tensor} (shape, element
 * type, row-major storage with explicit strides) and {@link dev.silica.workloads.tensor.Npy}, the
 * NumPy {@code .npy} reader and writer the reference executor uses for inputs and golden outputs.
 */
package dev.silica.workloads.tensor;
