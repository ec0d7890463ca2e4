package io.powertune.visualizer;

import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The tuning chart: average duration (left axis) and cost per invocation (right axis) against
 * memory, one point per measured size with its 95% interval (see {@link Interval}), no line between
 * sizes (nothing was measured there); a dashed line at each unsuitable size with its reason, and
 * the pick marked by a thick line of its own colour.
 */
public final class ChartBuilder {

  /** The pick's colour, used for nothing else. */
  public static final Color PICK = new Color(230, 120, 0);

  static final Color DURATION = new Color(31, 119, 180);
  static final Color COST = new Color(44, 160, 44);
  private static final Color UNSUITABLE = new Color(150, 150, 150);
  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private ChartBuilder() {}

  /** The chart of a tuning's result. */
  public static JFreeChart build(TuningAnalysis result) {
    List<SizeResult> suitable = result.suitable();
    YIntervalSeries durations = new YIntervalSeries("average duration (ms)");
    YIntervalSeries costs = new YIntervalSeries("cost per invocation ($)");
    for (SizeResult size : suitable) {
      Interval interval = Interval.of(result, size);
      double mean = size.averageDuration();
      durations.add(size.value(), mean, mean * interval.low(), mean * interval.high());
      double price = size.averagePrice();
      costs.add(size.value(), price, price * interval.low(), price * interval.high());
    }
    XYPlot plot =
        new XYPlot(collection(durations), memoryAxis(result), durationAxis(), renderer(DURATION));
    plot.setDataset(1, collection(costs));
    plot.setRangeAxis(1, costAxis());
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setRenderer(1, renderer(COST));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(225, 225, 225));
    plot.setRangeGridlinePaint(new Color(225, 225, 225));
    markUnsuitable(plot, result);
    markPick(plot, result);
    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.setTitle(new TextTitle(Headline.brief(result), new Font(Font.SANS_SERIF, Font.BOLD, 15)));
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static YIntervalSeriesCollection collection(YIntervalSeries series) {
    YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
    collection.addSeries(series);
    return collection;
  }

  private static XYErrorRenderer renderer(Color color) {
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setDrawXError(false);
    renderer.setDrawYError(true);
    renderer.setErrorPaint(color);
    renderer.setErrorStroke(new BasicStroke(1.5f));
    renderer.setCapLength(8);
    renderer.setSeriesPaint(0, color);
    return renderer;
  }

  private static SizeAxis memoryAxis(TuningAnalysis result) {
    SizeAxis axis = new SizeAxis(result.sizes().stream().map(SizeResult::value).toList());
    axis.setLabelFont(FONT);
    return axis;
  }

  private static NumberAxis durationAxis() {
    NumberAxis axis = new NumberAxis("average duration (ms)");
    axis.setLabelPaint(DURATION);
    axis.setTickLabelPaint(DURATION);
    axis.setLabelFont(FONT);
    return axis;
  }

  private static NumberAxis costAxis() {
    NumberAxis axis = new NumberAxis("cost per invocation ($)");
    axis.setNumberFormatOverride(new DecimalFormat("0.00E0"));
    axis.setLabelPaint(COST);
    axis.setTickLabelPaint(COST);
    axis.setLabelFont(FONT);
    return axis;
  }

  private static void markUnsuitable(XYPlot plot, TuningAnalysis result) {
    int row = 0;
    for (SizeResult size : result.sizes()) {
      if (size.suitable()) {
        continue;
      }
      ValueMarker marker =
          new ValueMarker(
              size.value(),
              UNSUITABLE,
              new BasicStroke(
                  1.5f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_MITER,
                  10f,
                  new float[] {6f, 4f},
                  0f));
      marker.setLabel(size.value() + " MB: " + ShortReason.of(size.unsuitable()));
      marker.setLabelFont(FONT);
      marker.setLabelPaint(UNSUITABLE.darker());
      marker.setLabelBackgroundColor(LABEL_BACKGROUND);
      marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      marker.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8 + 16 * row++, 4, 0, 0));
      plot.addDomainMarker(marker, Layer.BACKGROUND);
    }
  }

  private static void markPick(XYPlot plot, TuningAnalysis result) {
    ValueMarker marker = new ValueMarker(result.power(), PICK, new BasicStroke(3f));
    marker.setLabel(result.strategy() + " pick: " + result.power() + " MB");
    marker.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    marker.setLabelPaint(PICK);
    marker.setLabelBackgroundColor(LABEL_BACKGROUND);
    boolean rightmost = result.sizes().stream().allMatch(s -> s.value() <= result.power());
    // the label goes where there is room: left of the line at the right edge
    marker.setLabelAnchor(rightmost ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
    marker.setLabelTextAnchor(rightmost ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
    plot.addDomainMarker(marker, Layer.BACKGROUND);
  }
}
