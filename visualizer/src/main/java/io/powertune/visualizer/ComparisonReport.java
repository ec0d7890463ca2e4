package io.powertune.visualizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.Wording;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Two runs compared: in a terminal, in Markdown, as JSON, and as a self-contained HTML page. */
public final class ComparisonReport {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final String[] HEADERS = {
    "memory", "A avg ms", "B avg ms", "duration", "A cost", "B cost", "cost", "beyond noise"
  };

  private ComparisonReport() {}

  /** The first line: how the pick and its figures moved from A to B. */
  public static String headline(Comparison c) {
    int pickA = c.a().power();
    int pickB = c.b().power();
    String picks =
        pickA == pickB
            ? "both pick " + pickA + " MB"
            : "the pick moved from " + pickA + " MB to " + pickB + " MB";
    Optional<Comparison.Row> row =
        c.rows().stream()
            .filter(r -> r.memory() == pickB && r.durationChange().isPresent())
            .findFirst();
    if (row.isEmpty()) {
      return c.nameB() + " against " + c.nameA() + ": " + picks;
    }
    SizeResult a = row.get().a().orElseThrow();
    SizeResult b = row.get().b().orElseThrow();
    return c.nameB()
        + " against "
        + c.nameA()
        + ": "
        + picks
        + "; at "
        + pickB
        + " MB, "
        + c.nameB()
        + " is "
        + Wording.speedDelta(b.averageDuration(), a.averageDuration())
        + (row.get().significant() ? " (beyond the runs' noise)" : " (within the runs' noise)")
        + " and "
        + Wording.costDelta(b.averagePrice(), a.averagePrice());
  }

  public static String render(Comparison c, ReportFormat format) {
    return switch (format) {
      case TABLE -> table(c);
      case MARKDOWN -> markdown(c);
      case JSON -> json(c);
    };
  }

  private static String table(Comparison c) {
    StringBuilder out =
        new StringBuilder("A: " + c.nameA() + "\nB: " + c.nameB() + "\n")
            .append(
                String.format(
                    Locale.ROOT, "%9s %10s %10s %9s %14s %14s %9s %14s%n", (Object[]) HEADERS));
    for (Comparison.Row row : c.rows()) {
      out.append(
          String.format(
              Locale.ROOT, "%9s %10s %10s %9s %14s %14s %9s %14s%n", cells(row).toArray()));
    }
    return out.append('\n').append(headline(c)).append('\n').toString();
  }

  private static String markdown(Comparison c) {
    StringBuilder out = new StringBuilder("**").append(headline(c)).append("**\n\n");
    out.append("A: `").append(c.nameA()).append("`, B: `").append(c.nameB()).append("`\n\n");
    out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    out.append("|---:".repeat(HEADERS.length)).append("|\n");
    for (Comparison.Row row : c.rows()) {
      out.append("| ").append(String.join(" | ", cells(row))).append(" |\n");
    }
    return out.toString();
  }

  private static String json(Comparison c) {
    ObjectNode root = JSON.createObjectNode().put("a", c.nameA()).put("b", c.nameB());
    root.put("headline", headline(c));
    ArrayNode rows = root.putArray("sizes");
    for (Comparison.Row row : c.rows()) {
      ObjectNode node = rows.addObject().put("memory", row.memory());
      row.a().ifPresent(a -> node.put("a", a.averageDuration()));
      row.b().ifPresent(b -> node.put("b", b.averageDuration()));
      row.durationChange().ifPresent(d -> node.put("durationChange", d));
      row.costChange().ifPresent(d -> node.put("costChange", d));
      row.pValue().ifPresent(p -> node.put("pValue", p));
      node.put("beyondNoise", row.significant());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> cells(Comparison.Row row) {
    List<String> cells = new ArrayList<>();
    cells.add(row.memory() + " MB");
    cells.add(row.a().map(ComparisonReport::duration).orElse("-"));
    cells.add(row.b().map(ComparisonReport::duration).orElse("-"));
    cells.add(
        row.durationChange().isPresent()
            ? Numbers.signedPercent(row.durationChange().getAsDouble())
            : "");
    cells.add(row.a().map(ComparisonReport::cost).orElse("-"));
    cells.add(row.b().map(ComparisonReport::cost).orElse("-"));
    cells.add(
        row.costChange().isPresent() ? Numbers.signedPercent(row.costChange().getAsDouble()) : "");
    cells.add(
        row.pValue().isEmpty()
            ? ""
            : (row.significant() ? "yes" : "no")
                + String.format(Locale.ROOT, " (p=%.3f)", row.pValue().getAsDouble()));
    return cells;
  }

  private static String duration(SizeResult size) {
    return size.suitable() ? Numbers.ms(size.averageDuration()) : "unsuitable";
  }

  private static String cost(SizeResult size) {
    return size.suitable() ? Wording.money(size.averagePrice()) : "unsuitable";
  }

  /** The HTML page: the headline, both runs' durations on one chart, the table, the viewer link. */
  public static String html(Comparison c, String viewerLink) {
    StringBuilder body = new StringBuilder();
    body.append("<h1 id=\"headline\">").append(Html.escape(headline(c))).append("</h1>\n");
    body.append("<p>A: <code>")
        .append(Html.escape(c.nameA()))
        .append("</code>, B: <code>")
        .append(Html.escape(c.nameB()))
        .append("</code>. A change is beyond the runs' noise when")
        .append(" Welch's t-test on the two runs' durations gives p below 0.05.</p>\n");
    body.append("<figure id=\"chart\">\n")
        .append(SvgChart.render(chart(c)))
        .append("\n</figure>\n");
    body.append("<table id=\"comparison\">\n<thead><tr>");
    for (String header : HEADERS) {
      body.append("<th>").append(header).append("</th>");
    }
    body.append("</tr></thead>\n<tbody>\n");
    for (Comparison.Row row : c.rows()) {
      body.append("<tr class=\"size\" data-memory=\"").append(row.memory()).append("\">");
      for (String cell : cells(row)) {
        body.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    body.append("<p><a id=\"viewer\" href=\"")
        .append(Html.escape(viewerLink))
        .append("\">Compare them in the public viewer</a></p>\n");
    return Html.page("powertune: " + headline(c), body.toString());
  }

  private static JFreeChart chart(Comparison c) {
    YIntervalSeries a = new YIntervalSeries("A: " + c.nameA());
    YIntervalSeries b = new YIntervalSeries("B: " + c.nameB());
    for (Comparison.Row row : c.rows()) {
      row.a().filter(SizeResult::suitable).ifPresent(s -> add(a, s));
      row.b().filter(SizeResult::suitable).ifPresent(s -> add(b, s));
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(a);
    data.addSeries(b);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDefaultLinesVisible(false);
    renderer.setDrawXError(false);
    renderer.setSeriesPaint(0, ChartBuilder.DURATION);
    renderer.setSeriesPaint(1, ChartBuilder.PICK);
    NumberAxis duration = new NumberAxis("average duration (ms)");
    XYPlot plot =
        new XYPlot(
            data,
            new SizeAxis(c.rows().stream().map(Comparison.Row::memory).toList()),
            duration,
            renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(null, new Font(Font.SANS_SERIF, Font.PLAIN, 12), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void add(YIntervalSeries series, SizeResult size) {
    Interval interval = Interval.of(size);
    double mean = size.averageDuration();
    series.add(size.value(), mean, mean * interval.low(), mean * interval.high());
  }
}
