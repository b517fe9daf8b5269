/**
 * Whole-model storage reports under Deep Compression: {@link
 * dev.silica.workloads.compress.StorageReport} applies pruning, relative sparse indexes, k-means
 * weight sharing and Huffman coding (the algorithms of {@code dev.silica.numerics.compress}) to
 * every conv and fully connected layer of a zoo graph under a {@link
 * dev.silica.workloads.compress.CompressionProfile} (per-layer keep ratio, weight bits, index bits;
 * the published {@code deep-compression} profiles for {@code alexnet}, {@code vgg16}, {@code
 * lenet-300-100}, {@code lenet5-caffe}).
 */
package dev.silica.workloads.compress;
