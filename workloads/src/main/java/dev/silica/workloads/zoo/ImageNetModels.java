package dev.silica.workloads.zoo;

import java.util.List;

/** The image classifiers of the zoo, from LeNet-5 to MobileNet. */
final class ImageNetModels {
  private ImageNetModels() {}

  static List<ZooModel> all() {
    return List.of(
        new ZooModel(
            "lenet5",
            "LeNet-5 (1998) with the C3 connection table, 1x1x32x32",
            "LeCun, Bottou, Bengio, Haffner, Proc. IEEE 1998, Sec. II-B and Table I",
            LeNet::lenet5),
        new ZooModel(
            "lenet5-caffe",
            "LeNet-5, Caffe MNIST variant (20-50-500-10) of Han et al., 1x1x28x28",
            "Caffe examples/mnist lenet; Han et al., NIPS 2015, Table 2",
            LeNet::lenet5Caffe),
        new ZooModel(
            "lenet-300-100",
            "LeNet-300-100, fully connected 784-300-100-10, 1x1x28x28",
            "LeCun et al. 1998; Han et al., NIPS 2015, Table 2",
            LeNet::lenet300100),
        new ZooModel(
            "alexnet",
            "AlexNet, two-tower form (grouped conv2/4/5, LRN), 1x3x227x227",
            "Krizhevsky, Sutskever, Hinton, NIPS 2012, Sec. 3.5; CS231n lecture 9 table",
            AlexNet::alexnet),
        new ZooModel(
            "alexnet-torchvision",
            "AlexNet, torchvision single-tower form (64-192-384-256-256), 1x3x224x224",
            "torchvision.models.alexnet",
            AlexNet::alexnetTorchvision),
        new ZooModel(
            "zfnet",
            "ZFNet (7x7/2 first layer, dense conv3-5), 1x3x224x224",
            "Zeiler & Fergus, ECCV 2014, Fig. 3",
            ZfNet::zfnet),
        new ZooModel(
            "nin",
            "Network in Network, ImageNet model (4 mlpconv blocks, global average pool), 1x3x224x224",
            "Lin, Chen, Yan, ICLR 2014; Caffe model zoo nin_imagenet",
            NetworkInNetwork::nin),
        new ZooModel(
            "googlenet",
            "GoogLeNet / Inception v1 without auxiliary classifiers, 1x3x224x224",
            "Szegedy et al., CVPR 2015 (arXiv:1409.4842), Table 1",
            GoogLeNet::googlenet,
            List.of(
                "Table 1 misprints seven entries that its own layer widths contradict: conv1"
                    + " (7x7x3x64 = 9.2K weights and 118M multiply-adds, printed 2.7K and 34M) and"
                    + " the params of 4c, 4d, 5a, 5b and the ops of 5a; every other row matches"
                    + " within 1%. The table's 1.5G multiply-add total therefore reads 1.58G"
                    + " here, all of the difference in conv1.")),
        new ZooModel(
            "googlenet-aux",
            "GoogLeNet / Inception v1 with the two auxiliary classifiers as extra outputs, 1x3x224x224",
            "Szegedy et al., CVPR 2015 (arXiv:1409.4842), Table 1 and Sec. 5",
            GoogLeNet::googlenetAux),
        new ZooModel(
            "squeezenet1_0",
            "SqueezeNet 1.0, 1x3x224x224",
            "Iandola et al., arXiv:1602.07360; torchvision.models.squeezenet1_0",
            SqueezeNet::squeezenet10),
        new ZooModel(
            "squeezenet1_1",
            "SqueezeNet 1.1, 1x3x224x224",
            "torchvision.models.squeezenet1_1 (SqueezeNet v1.1 of the authors' repository)",
            SqueezeNet::squeezenet11),
        new ZooModel(
            "mobilenet-v1",
            "MobileNet v1 1.0-224 (depthwise separable, batch norm), 1x3x224x224",
            "Howard et al., arXiv:1704.04861, Table 1",
            MobileNetV1::mobilenetV1),
        new ZooModel(
            "vgg16",
            "VGG-16 (configuration D), 1x3x224x224",
            "Simonyan & Zisserman, ICLR 2015, Table 1 column D",
            Vgg::vgg16,
            List.of(
                "activation memory: the CS231n notes' per-layer table sums to 15,237,608 values"
                    + " (61.0 MB in FP32), the total reported above; the notes' own total"
                    + " \"24M * 4 bytes ~= 93MB\" (96MB in the lecture slides) does not follow"
                    + " from their table.")),
        new ZooModel(
            "vgg19",
            "VGG-19 (configuration E), 1x3x224x224",
            "Simonyan & Zisserman, ICLR 2015, Table 1 column E",
            Vgg::vgg19));
  }
}
