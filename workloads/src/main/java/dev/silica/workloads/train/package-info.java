/**
 * Training by backpropagation on real data: the IDX reader and {@link
 * dev.silica.workloads.train.Dataset} (Fashion-MNIST from Debian's {@code dataset-fashion-mnist}),
 * {@link dev.silica.workloads.train.TrainableGraph} (reverse-mode gradients over the IR for the ops
 * LeNet-style networks use), {@link dev.silica.workloads.train.Optimizer} (SGD with momentum, Adam)
 * and the deterministic multi-threaded {@link dev.silica.workloads.train.Trainer}, whose {@link
 * dev.silica.workloads.train.Trainer.Regime} hooks carry the training methods: pruning masks and
 * centroid fine-tuning ({@link dev.silica.workloads.train.Retraining}), trained ternary
 * quantization ({@link dev.silica.workloads.train.Ttq}), mixed-precision training ({@link
 * dev.silica.workloads.train.MixedPrecision}), distillation ({@link
 * dev.silica.workloads.train.Distillation}) and adversarial training ({@link
 * dev.silica.workloads.train.Adversarial}). The studies built on them ({@link
 * dev.silica.workloads.train.AccuracyStudies}, {@link
 * dev.silica.workloads.train.CompressionStudies}, {@link
 * dev.silica.workloads.train.TrainingStudies}) return rows of accuracy per variant; {@link
 * dev.silica.workloads.train.LayerDensities} and {@link
 * dev.silica.workloads.train.HardwareVariants} hand measured densities and variants to the hardware
 * models.
 */
package dev.silica.workloads.train;
