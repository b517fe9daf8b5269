package dev.silica.workloads.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.silica.testkit.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real data set, from Debian's {@code dataset-fashion-mnist}. */
class FashionMnistTest {
  @TempDir Path tmp;

  @Test
  void readsBothSplitsWithTheirPublishedSizesAndBalance() {
    Path dir = TestData.require(Dataset.FASHION_MNIST_DIR, "dataset-fashion-mnist");
    Dataset train = Dataset.fashionMnist(dir, Dataset.Split.TRAIN);
    Dataset test = Dataset.fashionMnist(dir, Dataset.Split.TEST);
    // Xiao, Rasul, Vollgraf 2017, §3: 60,000 training and 10,000 test 28×28 images, 10 classes,
    // 6,000 and 1,000 per class
    assertThat(train.count()).isEqualTo(60_000);
    assertThat(test.count()).isEqualTo(10_000);
    assertThat(train.height()).isEqualTo(28);
    assertThat(train.width()).isEqualTo(28);
    int[] perClass = new int[10];
    for (int i = 0; i < test.count(); i++) {
      perClass[test.label(i)]++;
    }
    assertThat(perClass).containsOnly(1000);
    // the standardization constants are the training pixels' mean and standard deviation
    double sum = 0;
    double sq = 0;
    for (byte b : train.pixels()) {
      double v = (b & 0xff) / 255.0;
      sum += v;
      sq += v * v;
    }
    double n = train.pixels().length;
    double mean = sum / n;
    assertThat(mean)
        .isCloseTo(Dataset.FASHION_MNIST_MEAN, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(Math.sqrt(sq / n - mean * mean))
        .isCloseTo(Dataset.FASHION_MNIST_STD, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void fillCentresAndStandardizes() {
    byte[] px = new byte[4];
    px[0] = (byte) 255;
    Dataset d = new Dataset("t", 2, 2, px, new byte[1], Dataset.FASHION_MNIST_CLASSES, 0.5f, 0.25f);
    float[] dst = new float[16];
    d.fill(0, dst, 4, 4);
    assertThat(dst[0]).isEqualTo(-2f); // border: (0 − 0.5) / 0.25
    assertThat(dst[5]).isEqualTo(2f); // pixel 255 at (1, 1): (1 − 0.5) / 0.25
    assertThat(dst[6]).isEqualTo(-2f);
  }

  @Test
  void missingOrMalformedFilesGiveClearErrors() throws IOException {
    assertThatThrownBy(() -> Dataset.fashionMnist(tmp, Dataset.Split.TEST))
        .hasMessageStartingWith("fashion-mnist: " + tmp.resolve("t10k-images-idx3-ubyte.gz"))
        .hasMessageContaining("install Debian's dataset-fashion-mnist");
    Path bad = tmp.resolve("x-idx1-ubyte");
    Files.write(bad, new byte[] {0, 0, 0x0d, 1, 0, 0, 0, 2, 1, 2});
    assertThatThrownBy(() -> Idx.read(bad))
        .hasMessage(
            bad
                + ": not an unsigned-byte IDX file (magic must be 0x0000 08 <rank 1..4>,"
                + " got 0x0000 0d 01)");
    Path truncated = tmp.resolve("y-idx1-ubyte");
    Files.write(truncated, new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
    assertThatThrownBy(() -> Idx.read(truncated)).hasMessage(truncated + ": truncated IDX file");
    Path notGzip = tmp.resolve("z-idx1-ubyte.gz");
    Files.write(notGzip, new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 1});
    assertThatThrownBy(() -> Idx.read(notGzip))
        .hasMessageStartingWith(notGzip + ": not a gzip file");
  }
}
