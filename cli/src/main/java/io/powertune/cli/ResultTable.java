package io.powertune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The compact table {@code tune} prints: one row per size, the pick marked. */
final class ResultTable {

  private ResultTable() {}

  /** The table's lines for a tuning's output. */
  static List<String> lines(JsonNode result) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT, "%8s  %10s  %10s  %16s", "memory", "avg ms", "p90 ms", "cost/invocation"));
    int pick = result.path("power").asInt();
    for (JsonNode size : result.path("sizes")) {
      int memory = size.path("value").asInt();
      String unsuitable = size.path("unsuitable").asText(null);
      if (unsuitable != null) {
        lines.add(String.format(Locale.ROOT, "%5d MB  unsuitable: %s", memory, unsuitable));
        continue;
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%5d MB  %10.2f  %10.2f  %16s%s",
              memory,
              size.path("averageDuration").asDouble(),
              size.path("duration").path("p90").asDouble(),
              money(size.path("averagePrice").asDouble()),
              memory == pick ? "  <- " + result.path("strategy").asText("cost") + " pick" : ""));
    }
    return lines;
  }

  static String money(double value) {
    return "$"
        + new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
