package io.powertune.visualizer;

import io.powertune.analyzer.tuning.TuningAnalysis;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/** The chart as a PNG image. */
public final class PngChart {

  /** The image's size in pixels. */
  public static final int WIDTH = 1000;

  public static final int HEIGHT = 600;

  /**
   * A rendered chart.
   *
   * @param png the image
   * @param pickX the horizontal pixel at which the pick is marked
   */
  public record Rendered(byte[] png, int pickX) {}

  private PngChart() {}

  public static Rendered render(TuningAnalysis result) {
    JFreeChart chart = ChartBuilder.build(result);
    ChartRenderingInfo info = new ChartRenderingInfo();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT, info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    XYPlot plot = chart.getXYPlot();
    Rectangle2D area = info.getPlotInfo().getDataArea();
    double x = plot.getDomainAxis().valueToJava2D(result.power(), area, plot.getDomainAxisEdge());
    return new Rendered(out.toByteArray(), (int) Math.round(x));
  }
}
