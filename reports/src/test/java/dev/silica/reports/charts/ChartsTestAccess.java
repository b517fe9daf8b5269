package dev.silica.reports.charts;

import java.awt.image.BufferedImage;

/** Shares the pixel counter of {@link ChartsTest} with the report tests. */
public final class ChartsTestAccess {
  private ChartsTestAccess() {}

  public static long nonBackground(BufferedImage img) {
    return ChartsTest.nonBackground(img);
  }
}
