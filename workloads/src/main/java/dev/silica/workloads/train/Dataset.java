package dev.silica.workloads.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled image data set held as unsigned bytes: {@code count} images of {@code height×width}
 * single-channel pixels and one class label each.
 *
 * <p>{@link #fill} turns an image into a network input: pixels scaled to {@code [0, 1]}, centred in
 * a larger frame when the network's input is larger (LeNet-5 reads 32×32, the data is 28×28; the
 * border is black, pixel 0, as LeCun et al. 1998 §III-A padded MNIST), then standardized with the
 * data set's mean and standard deviation.
 *
 * @param name e.g. {@code fashion-mnist/train}
 * @param height image rows
 * @param width image columns
 * @param pixels {@code count·height·width} unsigned bytes
 * @param labels {@code count} labels in {@code [0, classes)}
 * @param classNames one name per class
 * @param mean pixel mean on the {@code [0, 1]} scale, subtracted by {@link #fill}
 * @param std pixel standard deviation on the {@code [0, 1]} scale, divided by {@link #fill}
 */
public record Dataset(
    String name,
    int height,
    int width,
    byte[] pixels,
    byte[] labels,
    List<String> classNames,
    float mean,
    float std) {

  /** Debian's {@code dataset-fashion-mnist} install location. */
  public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  /** Fashion-MNIST's ten classes, in label order (Xiao, Rasul, Vollgraf 2017, Table 1). */
  public static final List<String> FASHION_MNIST_CLASSES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  /**
   * Standardization constants of Fashion-MNIST on the {@code [0, 1]} scale: the mean and standard
   * deviation of all 47,040,000 training pixels, as computed by {@code DatasetTest} from the data
   * (0.28604, 0.35302). Train and test inputs are standardized with the training set's values.
   */
  public static final float FASHION_MNIST_MEAN = 0.28604f;

  /** See {@link #FASHION_MNIST_MEAN}. */
  public static final float FASHION_MNIST_STD = 0.35302f;

  public Dataset {
    if (pixels.length != (long) labels.length * height * width) {
      throw new IllegalArgumentException(
          name
              + ": "
              + labels.length
              + " labels but "
              + pixels.length
              + " pixels for "
              + height
              + "×"
              + width
              + " images");
    }
  }

  /** Number of examples. */
  public int count() {
    return labels.length;
  }

  /** Number of classes. */
  public int classes() {
    return classNames.size();
  }

  /** The label of example {@code i}. */
  public int label(int i) {
    return labels[i] & 0xff;
  }

  /**
   * Writes example {@code i} into {@code dst} as a {@code dstH×dstW} standardized image, centred
   * with a black border when the destination is larger.
   *
   * @throws IllegalArgumentException when the destination is smaller than the image
   */
  public void fill(int i, float[] dst, int dstH, int dstW) {
    if (dstH < height || dstW < width || dst.length < dstH * dstW) {
      throw new IllegalArgumentException(
          name
              + ": a "
              + height
              + "×"
              + width
              + " image does not fit a "
              + dstH
              + "×"
              + dstW
              + " input");
    }
    float background = -mean / std;
    java.util.Arrays.fill(dst, 0, dstH * dstW, background);
    int top = (dstH - height) / 2;
    int left = (dstW - width) / 2;
    float scale = 1f / (255f * std);
    float shift = mean / std;
    int src = i * height * width;
    for (int r = 0; r < height; r++) {
      int o = (top + r) * dstW + left;
      for (int c = 0; c < width; c++) {
        dst[o + c] = (pixels[src + r * width + c] & 0xff) * scale - shift;
      }
    }
  }

  /** The first {@code n} examples (a smaller data set for quick runs and tests). */
  public Dataset head(int n) {
    int k = Math.min(n, count());
    byte[] p = java.util.Arrays.copyOf(pixels, k * height * width);
    byte[] l = java.util.Arrays.copyOf(labels, k);
    return new Dataset(name + "[:" + k + "]", height, width, p, l, classNames, mean, std);
  }

  /** Which half of a data set. */
  public enum Split {
    TRAIN("train"),
    TEST("t10k");

    final String prefix;

    Split(String prefix) {
      this.prefix = prefix;
    }
  }

  /**
   * Fashion-MNIST (Xiao et al. 2017) from {@code dir}, as Debian's {@code dataset-fashion-mnist}
   * installs it: {@code train-images-idx3-ubyte.gz} and friends.
   *
   * @throws IllegalArgumentException when the files are absent or malformed, saying how to get them
   */
  public static Dataset fashionMnist(Path dir, Split split) {
    Path images = dir.resolve(split.prefix + "-images-idx3-ubyte.gz");
    Path labels = dir.resolve(split.prefix + "-labels-idx1-ubyte.gz");
    if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
      throw new IllegalArgumentException(
          "fashion-mnist: "
              + images
              + " not found (install Debian's dataset-fashion-mnist, or pass the directory that"
              + " holds the four *-ubyte.gz files)");
    }
    Idx im = Idx.read(images);
    Idx lb = Idx.read(labels);
    if (im.dims().length != 3 || lb.dims().length != 1 || im.count() != lb.count()) {
      throw new IllegalArgumentException(
          "fashion-mnist: "
              + images.getFileName()
              + " and "
              + labels.getFileName()
              + " must hold N×H×W images and N labels, got "
              + java.util.Arrays.toString(im.dims())
              + " and "
              + java.util.Arrays.toString(lb.dims()));
    }
    for (byte b : lb.data()) {
      if ((b & 0xff) >= FASHION_MNIST_CLASSES.size()) {
        throw new IllegalArgumentException(
            "fashion-mnist: " + labels.getFileName() + ": label must be 0..9, got " + (b & 0xff));
      }
    }
    return new Dataset(
        "fashion-mnist/" + split.name().toLowerCase(java.util.Locale.ROOT),
        im.dims()[1],
        im.dims()[2],
        im.data(),
        lb.data(),
        FASHION_MNIST_CLASSES,
        FASHION_MNIST_MEAN,
        FASHION_MNIST_STD);
  }
}
