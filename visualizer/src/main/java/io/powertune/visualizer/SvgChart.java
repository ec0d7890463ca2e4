package io.powertune.visualizer;

import io.powertune.analyzer.tuning.TuningAnalysis;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** The chart as an SVG element, to inline in the HTML report. */
public final class SvgChart {

  private SvgChart() {}

  public static String render(TuningAnalysis result) {
    return render(ChartBuilder.build(result));
  }

  static String render(JFreeChart chart) {
    SVGGraphics2D svg = new SVGGraphics2D(PngChart.WIDTH, PngChart.HEIGHT);
    chart.draw(svg, new Rectangle(0, 0, PngChart.WIDTH, PngChart.HEIGHT));
    return svg.getSVGElement("chart");
  }
}
