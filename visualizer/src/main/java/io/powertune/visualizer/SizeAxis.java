package io.powertune.visualizer;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Memory on a base-2 log axis (128 and 256 MB as far apart as 1024 and 2048 MB), with a tick at
 * each measured size and nowhere else.
 */
final class SizeAxis extends LogAxis {

  private static final long serialVersionUID = 1L;

  private final List<Integer> sizes;

  SizeAxis(List<Integer> sizes) {
    super("memory (MB)");
    this.sizes = List.copyOf(sizes);
    setBase(2);
    int min = sizes.stream().mapToInt(Integer::intValue).min().orElse(128);
    int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(10240);
    setRange(min / 1.25, max * 1.25);
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"}) // JFreeChart's signature is raw
  protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
    List ticks = new ArrayList();
    for (int size : sizes) {
      ticks.add(
          new LogTick(
              TickType.MAJOR,
              size,
              new AttributedString(Integer.toString(size)),
              TextAnchor.TOP_CENTER));
    }
    return ticks;
  }
}
