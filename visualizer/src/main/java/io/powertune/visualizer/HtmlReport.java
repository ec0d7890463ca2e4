package io.powertune.visualizer;

import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The self-contained HTML report of a tuning: the headline and the recommendation in words, the
 * chart as inline SVG, one table row per size, with adaptive sampling what the race picked and
 * spent, each strategy's pick, the sizes on the cost and duration frontier, what the tuning cost,
 * and the link to the public viewer. It loads nothing: no script, style sheet, font or image from
 * anywhere.
 */
public final class HtmlReport {

  private HtmlReport() {}

  public static String render(TuningAnalysis result) {
    StringBuilder body = new StringBuilder();
    body.append("<h1 id=\"headline\">").append(Html.escape(Headline.of(result))).append("</h1>\n");
    body.append("<p class=\"recommendation\" id=\"recommendation\">")
        .append(Html.escape(result.recommendation()))
        .append("</p>\n");
    for (String note : TerminalReport.notes(result)) {
      body.append("<p class=\"note\">").append(Html.escape(note)).append("</p>\n");
    }
    body.append("<figure id=\"chart\">\n").append(SvgChart.render(result)).append("\n</figure>\n");
    body.append(
        HOW_TO_READ.replace(
            BARS,
            result.sampling() == null
                ? BARS
                : "The bars are the race's "
                    + intervalLevel(result)
                    + " intervals, which pool every run of every size (see Adaptive sampling"
                    + " below)."));
    body.append("<h2>Every size</h2>\n").append(sizes(result));
    body.append(SamplingSection.html(result));
    body.append("<h2>What each strategy picks</h2>\n").append(strategies(result));
    body.append("<h2>The cost and duration frontier</h2>\n").append(frontier(result));
    body.append("<h2>What this tuning cost</h2>\n").append(runCost(result));
    body.append("<p><a id=\"viewer\" href=\"")
        .append(Html.escape(result.stateMachine().visualization()))
        .append("\">Open these figures in the public viewer</a> (the link carries only the sizes,")
        .append(" their average durations and costs, in its part after #; nothing is sent until")
        .append(" you follow it).</p>\n");
    return Html.page("powertune: " + Headline.of(result), body.toString());
  }

  /** The level of the size table's and the chart's intervals: the race's confidence, or 95%. */
  private static String intervalLevel(TuningAnalysis result) {
    return result.sampling() == null
        ? "95%"
        : Numbers.percent(result.sampling().settings().confidence());
  }

  private static final String BARS =
      "The bars are 95% intervals of\nthe mean of the warm invocations.";

  private static final String HOW_TO_READ =
      """
      <p class="how">Each point is one measured size: blue its average duration (left axis), green
      its cost per invocation, request charge included (right axis). The bars are 95% intervals of
      the mean of the warm invocations. There is no line between points: nothing was measured
      between sizes. A dashed line marks a size that cannot be used, with its reason; the orange
      line marks the pick.</p>
      """;

  private static String sizes(TuningAnalysis result) {
    StringBuilder table = new StringBuilder("<table id=\"sizes\">\n<thead><tr>");
    for (String header :
        List.of(
            "memory",
            "avg ms",
            "p50 ms",
            "p90 ms",
            intervalLevel(result) + " interval (ms)",
            "cost/invocation",
            "per 1M invocations",
            "max memory used",
            "cold starts",
            "errors")) {
      table.append("<th>").append(header).append("</th>");
    }
    table.append("</tr></thead>\n<tbody>\n");
    for (SizeResult size : result.sizes()) {
      String kind =
          !size.suitable()
              ? "size unsuitable"
              : size.value() == result.power() ? "size pick" : "size";
      table
          .append("<tr class=\"")
          .append(kind)
          .append("\" data-memory=\"")
          .append(size.value())
          .append("\">");
      List<String> cells = TerminalReport.cells(size);
      table.append("<td>").append(cells.get(0)).append("</td>");
      if (!size.suitable()) {
        table
            .append("<td colspan=\"9\">unsuitable: ")
            .append(Html.escape(size.unsuitable()))
            .append("</td></tr>\n");
        continue;
      }
      Interval interval = Interval.of(result, size);
      String range =
          Numbers.ms(size.averageDuration() * interval.low())
              + " to "
              + Numbers.ms(size.averageDuration() * interval.high());
      List<String> row =
          List.of(
              cells.get(1),
              cells.get(2),
              cells.get(3),
              range,
              cells.get(4),
              cells.get(5),
              cells.get(6),
              cells.get(7),
              cells.get(8));
      for (String cell : row) {
        table.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      table.append("</tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  private static String strategies(TuningAnalysis result) {
    StringBuilder table =
        new StringBuilder(
            "<table id=\"strategies\">\n<thead><tr><th>strategy</th><th>pick</th>"
                + "<th>avg ms</th><th>cost/invocation</th></tr></thead>\n<tbody>\n");
    for (StrategyPicks.Pick pick : StrategyPicks.of(result)) {
      table
          .append("<tr><td>")
          .append(Html.escape(pick.strategy()))
          .append("</td><td>")
          .append(pick.size().value())
          .append(" MB</td><td>")
          .append(Numbers.ms(pick.size().averageDuration()))
          .append("</td><td>")
          .append(Wording.money(pick.size().averagePrice()))
          .append("</td></tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  private static String frontier(TuningAnalysis result) {
    List<SizeResult> frontier = ParetoFrontier.of(result.suitable());
    String sizes = frontier.stream().map(s -> s.value() + " MB").collect(Collectors.joining(", "));
    return "<p id=\"pareto\">No other size is both cheaper and faster than "
        + sizes
        + ": whatever weight you give cost and speed, the best size is one of these. Any other"
        + " size is beaten on both by one of them.</p>\n";
  }

  private static String runCost(TuningAnalysis result) {
    double stepFunctions = result.stateMachine().executionCost();
    double lambda = result.stateMachine().lambdaCost();
    return "<table id=\"run-cost\">\n<tbody>\n<tr><td>Step Functions (state transitions)</td><td>"
        + Wording.money(stepFunctions)
        + "</td></tr>\n<tr><td>Lambda (every measured invocation)</td><td>"
        + Wording.money(lambda)
        + "</td></tr>\n<tr><td>in all, on AWS</td><td>"
        + Wording.money(stepFunctions + lambda)
        + "</td></tr>\n</tbody>\n</table>\n";
  }
}
