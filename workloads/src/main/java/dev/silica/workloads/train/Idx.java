package dev.silica.workloads.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reader of LeCun's IDX files (the MNIST and Fashion-MNIST distribution format), plain or gzipped.
 *
 * <p>Format (yann.lecun.com/exdb/mnist): a big-endian header of two zero bytes, a type byte ({@code
 * 0x08} unsigned byte is the only type these data sets use and the only one accepted here), a rank
 * byte, then {@code rank} big-endian 32-bit dimensions, then the elements in row-major order. A
 * file whose name ends in {@code .gz} is decompressed first.
 *
 * @param dims the dimensions, e.g. {@code [60000, 28, 28]} for images, {@code [60000]} for labels
 * @param data the unsigned bytes, row-major
 */
public record Idx(int[] dims, byte[] data) {
  /** The unsigned-byte element type code. */
  static final int UBYTE = 0x08;

  /** Number of elements. */
  public int count() {
    return dims[0];
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file for a missing file or a malformed header
   */
  public static Idx read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)
                : new BufferedInputStream(raw, 1 << 16);
        DataInputStream d = new DataInputStream(in)) {
      int zero = d.readUnsignedShort();
      int type = d.readUnsignedByte();
      int rank = d.readUnsignedByte();
      if (zero != 0 || type != UBYTE || rank < 1 || rank > 4) {
        throw new IllegalArgumentException(
            file
                + ": not an unsigned-byte IDX file (magic must be 0x0000 08 <rank 1..4>, got 0x"
                + String.format("%04x %02x %02x", zero, type, rank)
                + ")");
      }
      int[] dims = new int[rank];
      long n = 1;
      for (int i = 0; i < rank; i++) {
        dims[i] = d.readInt();
        if (dims[i] <= 0) {
          throw new IllegalArgumentException(
              file + ": dimension " + i + " must be positive, got " + dims[i]);
        }
        n *= dims[i];
      }
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            file + ": " + n + " elements " + Arrays.toString(dims) + " is too large");
      }
      byte[] data = new byte[(int) n];
      d.readFully(data);
      return new Idx(dims, data);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (EOFException e) {
      throw new IllegalArgumentException(file + ": truncated IDX file", e);
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("GZIP")) {
        throw new IllegalArgumentException(file + ": not a gzip file (" + e.getMessage() + ")", e);
      }
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
