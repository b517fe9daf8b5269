package dev.silica.workloads.zoo;

import java.util.List;

/**
 * The residual and densely connected classifiers: ResNet-18/34/50/101/152, Wide ResNet-50-2,
 * ResNeXt-50 32x4d and DenseNet-121.
 */
final class ResidualModels {
  private ResidualModels() {}

  static List<ZooModel> all() {
    return List.of(
        new ZooModel(
            "resnet18",
            "ResNet-18 (basic blocks 2-2-2-2), 1x3x224x224",
            "He et al., CVPR 2016, Table 1; torchvision resnet18",
            ResNet::resnet18),
        new ZooModel(
            "resnet34",
            "ResNet-34 (basic blocks 3-4-6-3), 1x3x224x224",
            "He et al., CVPR 2016, Table 1; torchvision resnet34",
            ResNet::resnet34),
        new ZooModel(
            "resnet50",
            "ResNet-50 v1.5 (bottlenecks 3-4-6-3, stride on the 3x3), 1x3x224x224",
            "He et al., CVPR 2016, Table 1; torchvision resnet50",
            ResNet::resnet50),
        new ZooModel(
            "resnet101",
            "ResNet-101 v1.5 (bottlenecks 3-4-23-3, stride on the 3x3), 1x3x224x224",
            "He et al., CVPR 2016, Table 1; torchvision resnet101",
            ResNet::resnet101),
        new ZooModel(
            "resnet152",
            "ResNet-152 v1.5 (bottlenecks 3-8-36-3, stride on the 3x3), 1x3x224x224",
            "He et al., CVPR 2016, Table 1; torchvision resnet152",
            ResNet::resnet152),
        new ZooModel(
            "wide_resnet50_2",
            "Wide ResNet-50-2 (ResNet-50 with bottleneck width doubled), 1x3x224x224",
            "Zagoruyko & Komodakis, BMVC 2016; torchvision wide_resnet50_2",
            ResNet::wideResnet50x2),
        new ZooModel(
            "resnext50_32x4d",
            "ResNeXt-50 32x4d (grouped 3x3, 32 groups of width 4), 1x3x224x224",
            "Xie et al., CVPR 2017, Table 1; torchvision resnext50_32x4d",
            ResNet::resnext50x32x4d),
        new ZooModel(
            "densenet121",
            "DenseNet-121 (DenseNet-BC, k=32, blocks 6-12-24-16), 1x3x224x224",
            "Huang et al., CVPR 2017, Table 1; torchvision densenet121",
            DenseNet::densenet121));
  }
}
