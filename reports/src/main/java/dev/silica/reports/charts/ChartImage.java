package dev.silica.reports.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/** Draws a chart as inline SVG text or as a PNG file (headless). */
public final class ChartImage {
  static {
    // JFreeChart draws rotated text (value-axis labels) as a TextLayout, which SVGGraphics2D turns
    // into glyph outlines; plain drawString keeps it a searchable <text> element (the JDK bug the
    // workaround was for is long fixed).
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartImage() {}

  /**
   * An {@code <svg>} element of {@code width × height} px with element id {@code id}; its defs
   * (clip paths, gradients) are prefixed with {@code id} so that several charts can sit inline in
   * one page.
   */
  public static String svg(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    return g.getSVGElement(id);
  }

  /** The chart drawn into an RGB image with antialiasing. */
  public static BufferedImage image(JFreeChart chart, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return img;
  }

  /** Writes the chart as a PNG file; returns {@code file}. */
  public static Path png(JFreeChart chart, int width, int height, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (!ImageIO.write(image(chart, width, height), "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer for " + file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
