package dev.silica.workloads.zoo;

import dev.silica.workloads.ir.Conv2d;
import dev.silica.workloads.ir.Graph;
import dev.silica.workloads.ir.LeakyRelu;
import dev.silica.workloads.ir.MaxPool;
import dev.silica.workloads.ir.Padding;
import dev.silica.workloads.ir.ValueId;

/**
 * Tiny YOLOv2 for PASCAL VOC, the single-shot detector of darknet's {@code yolov2-tiny-voc.cfg}
 * (formerly {@code tiny-yolo-voc.cfg}): detection as one regression from the image to a grid of box
 * predictions (seed notes lecture 11, "Detection without proposals"). Input {@code 1×3×416×416};
 * output the raw region-layer tensor {@code 1×125×13×13} (before the region layer's
 * sigmoid/exp/softmax decoding and non-maximum suppression).
 *
 * <h2>Structure</h2>
 *
 * <ul>
 *   <li>{@code conv1 .. conv6}: 3×3 stride-1 pad-1 convolutions with 16, 32, 64, 128, 256, 512
 *       filters, each followed by batch norm ({@code bn1 ..}) and LeakyReLU(0.1).
 *   <li>{@code pool1 .. pool5}: 2×2 stride-2 max pools after the first five (416 → 13); {@code
 *       pool6}: 2×2 stride-1 with SAME padding (one row and column at the bottom/right, as darknet
 *       pads), which keeps 13×13.
 *   <li>{@code conv7}, {@code conv8}: 3×3, 1024 filters each, + BN + LeakyReLU (the VOC config has
 *       1024 for both; the COCO {@code yolov2-tiny.cfg} has 512 in the second).
 *   <li>{@code conv9}: 1×1, 125 = 5 anchors × (4 box + 1 objectness + 20 classes) filters, with
 *       bias, linear activation.
 * </ul>
 *
 * <h2>Conventions</h2>
 *
 * Convolutions followed by batch norm carry no bias (darknet keeps the shift in the batch norm);
 * only {@code conv9} has one. Parameters count conv weights, BN scale and shift and the last bias;
 * BN running mean and variance are buffers, not parameters. Darknet adds its BN epsilon to the
 * standard deviation rather than the variance; the graph uses the standard {@link
 * dev.silica.workloads.ir.BatchNorm}, a numerical difference only. Darknet reports "BFLOPs" at 2
 * FLOPs per MAC ({@code 2·n·k²·c·out_h·out_w}), so its 6.97 BFLOPs are 3.49 G MACs.
 *
 * <h2>Sources</h2>
 *
 * <ol>
 *   <li>Redmon, Farhadi, "YOLO9000: Better, Faster, Stronger", CVPR 2017.
 *   <li>darknet {@code cfg/yolov2-tiny-voc.cfg} and its layer listing (1.595, 3.190 and 0.043
 *       BFLOPs for conv7, conv8 and conv9).
 * </ol>
 */
final class Yolo {
  private Yolo() {}

  static final int ANCHORS = 5;
  static final int VOC_CLASSES = 20;

  static Graph tinyYoloV2Voc() {
    NetBuilder n = new NetBuilder("yolo-tiny");
    ValueId x = n.input("image", 1, 3, 416, 416);
    int filters = 16;
    for (int i = 1; i <= 6; i++) {
      x = convBnLeaky(n, i, x, filters);
      MaxPool pool =
          i < 6
              ? MaxPool.of(2, 2, 0)
              : new MaxPool(2, 2, 1, 1, Padding.SAME, false, false); // keeps 13x13
      x = n.op("pool" + i, pool, x);
      filters *= 2;
    }
    x = convBnLeaky(n, 7, x, 1024);
    x = convBnLeaky(n, 8, x, 1024);
    return n.build(n.conv("conv9", x, ANCHORS * (5 + VOC_CLASSES), 1, 1, 0));
  }

  private static ValueId convBnLeaky(NetBuilder n, int i, ValueId x, int filters) {
    ValueId y = n.conv("conv" + i, x, filters, 3, 3, Conv2d.of(1, 1), false);
    return n.op("leaky" + i, new LeakyRelu(0.1f), n.bn("bn" + i, y));
  }
}
