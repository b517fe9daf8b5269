package dev.silica.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that read data installed from Debian packages (ONNX conformance data,
 * Fashion-MNIST, Chromium).
 *
 * <p>On a developer's machine without the package, the test is skipped with a message naming the
 * package to install. When the environment variable {@code CI} is {@code true} the data must be
 * there: {@code .ci/run} installs it, so a missing path fails the test instead of hiding it.
 */
public final class TestData {
  private TestData() {}

  /** True when running under CI ({@code CI=true}), where required data may not be skipped. */
  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns {@code path} when it exists; otherwise skips the test (or fails it under CI).
   *
   * @param path a file or directory the test reads
   * @param debianPackage the package that provides it, named in the message
   */
  public static Path require(Path path, String debianPackage) {
    if (Files.exists(path)) {
      return path;
    }
    String message =
        path
            + " is missing: install the Debian package "
            + debianPackage
            + " (apt-get install -y "
            + debianPackage
            + ")";
    if (isCi()) {
      throw new AssertionError("CI=true and " + message);
    }
    Assumptions.abort(message);
    return path;
  }
}
