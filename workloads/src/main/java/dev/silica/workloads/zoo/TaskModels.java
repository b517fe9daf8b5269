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
    return List.of(
        new ZooModel(
            "fcn",
            "FCN-style segmentation: VGG-16 encoder, max-unpooling and transpose-conv decoder,"
                + " 21 PASCAL VOC classes, 1x3x224x224 -> 1x21x224x224",
            "Long, Shelhamer & Darrell, CVPR 2015 (FCN); Badrinarayanan et al., TPAMI 2017"
                + " (SegNet); Noh et al., ICCV 2015 (DeconvNet); CS231n lecture 11",
            Fcn::fcn),
        new ZooModel(
            "yolo-tiny",
            "Tiny YOLOv2 (VOC), 1x3x416x416 -> 1x125x13x13 (5 anchors x (5 + 20 classes))",
            "Redmon & Farhadi, CVPR 2017 (YOLO9000); darknet cfg/yolov2-tiny-voc.cfg",
            Yolo::tinyYoloV2Voc),
        new ZooModel(
            "dcgan-generator",
            "DCGAN generator, z 1x100x1x1 -> 1x3x64x64 (nz 100, ngf 64)",
            "Radford, Metz & Chintala, ICLR 2016, Fig. 1; PyTorch examples dcgan/main.py",
            Dcgan::generator),
        new ZooModel(
            "dcgan-discriminator",
            "DCGAN discriminator, 1x3x64x64 -> 1x1x1x1 (ndf 64)",
            "Radford, Metz & Chintala, ICLR 2016; PyTorch examples dcgan/main.py",
            Dcgan::discriminator),
        new ZooModel(
            "bert-base-layer",
            "One BERT-base encoder layer (768 hidden, 12 heads, FFN 3072, post-LN), 128x768",
            "Devlin et al., NAACL 2019, section 3 (BERT-base); Hugging Face BertLayer",
            Transformers::bertBaseLayer),
        new ZooModel(
            "gpt2-small",
            "GPT-2 small (12 layers, 768, 12 heads, pre-LN, tied LM head), 1024 tokens ->"
                + " 1024x50257 logits",
            "Radford et al. 2019, 'Language Models are Unsupervised Multitask Learners', section"
                + " 2.3; Hugging Face GPT2LMHeadModel",
            Transformers::gpt2Small));
  }
}
