package dev.silica.workloads.zoo;

import java.util.List;

/** The image classifiers of the zoo, from LeNet-5 to MobileNet. */
final class ImageNetModels {
  private ImageNetModels() {}

  static List<ZooModel> all() {
    return List.of(
        new ZooModel(
            "vgg16",
            "VGG-16 (configuration D), 1x3x224x224",
            "Simonyan & Zisserman, ICLR 2015, Table 1 column D",
            Vgg::vgg16),
        new ZooModel(
            "vgg19",
            "VGG-19 (configuration E), 1x3x224x224",
            "Simonyan & Zisserman, ICLR 2015, Table 1 column E",
            Vgg::vgg19));
  }
}
