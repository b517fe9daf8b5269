package dev.silica.workloads.zoo;

import java.util.List;

/**
 * The residual and densely connected classifiers: ResNet-18/34/50/101/152, Wide ResNet-50-2,
 * ResNeXt-50 32x4d and DenseNet-121.
 */
final class ResidualModels {
  private ResidualModels() {}

  static List<ZooModel> all() {
    return List.of();
  }
}
