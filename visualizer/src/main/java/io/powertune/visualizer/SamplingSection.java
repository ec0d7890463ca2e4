package io.powertune.visualizer;

import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.adaptive.SizeInterval;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The HTML report's section on adaptive sampling: what the race picked, how sure it is, what it
 * spent beside a fixed-{@code num} run of the same accuracy, and every size's figure with its
 * interval and the round it was dropped after. A fixed-{@code num} run has no such section.
 */
final class SamplingSection {

  private SamplingSection() {}

  /** The section; empty without adaptive sampling. */
  static String html(TuningAnalysis result) {
    AdaptiveSampling sampling = result.sampling();
    if (sampling == null) {
      return "";
    }
    return "<h2 id=\"sampling\">Adaptive sampling</h2>\n<p id=\"sampling-summary\">"
        + Html.escape(summary(sampling))
        + "</p>\n"
        + how(result.strategy(), sampling)
        + table(result.strategy(), sampling);
  }

  /** The race in one sentence. */
  static String summary(AdaptiveSampling sampling) {
    return "The race picked "
        + sampling.pick()
        + " MB"
        + tiedWith(sampling)
        + ", "
        + Numbers.percent(sampling.confidence())
        + " sure that no size beats it by more than the tie tolerance; it stopped ("
        + sampling.stoppedBecause()
        + ") after "
        + sampling.invocations()
        + " invocations in "
        + rounds(sampling.rounds())
        + ", where a fixed-num run of the same accuracy would have needed num "
        + sampling.fixedEquivalent().num()
        + " at each size, "
        + sampling.fixedEquivalent().invocations()
        + " invocations in all."
        + sampling.shortfall().map(s -> " It is " + s + ".").orElse("");
  }

  /** The sizes tied with the pick ({@code " (tied with 1536, 2048 MB)"}); empty when none. */
  static String tiedWith(AdaptiveSampling sampling) {
    List<Integer> others = sampling.tied().stream().filter(m -> m != sampling.pick()).toList();
    if (others.isEmpty()) {
      return "";
    }
    return " (tied with "
        + others.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + " MB)";
  }

  /** {@code 1 round}, {@code 3 rounds}. */
  static String rounds(int rounds) {
    return rounds + (rounds == 1 ? " round" : " rounds");
  }

  private static String how(String strategy, AdaptiveSampling sampling) {
    SamplingSettings settings = sampling.settings();
    return "<p class=\"how\">The race ran at "
        + Numbers.percent(settings.confidence())
        + " confidence with a "
        + Numbers.percent(settings.tieTolerance())
        + " tie tolerance: a size left it once it was worse than the best at that confidence, and"
        + " sizes within the tolerance of the pick count as tied with it. Each round after the first"
        + " measured the pick and the sizes that could still beat it by more than the tolerance."
        + ("balanced".equals(strategy)
            ? " Every balanced score is divided by the slowest size's duration and the costliest"
                + " size's cost, so those two sizes followed the pick's invocations until the race"
                + " was decided, dropped or not."
            : "")
        + " The pick had at least "
        + settings.minNum()
        + " invocations, no size more than "
        + settings.maxNum()
        + ". How the durations were estimated: "
        + Html.escape(sampling.estimate())
        + ".</p>\n";
  }

  private static String table(String strategy, AdaptiveSampling sampling) {
    StringBuilder table = new StringBuilder("<table id=\"sampling-sizes\">\n<thead><tr>");
    for (String header :
        List.of(
            "memory",
            "invocations",
            figureName(strategy),
            Numbers.percent(sampling.settings().confidence()) + " interval",
            "in the race")) {
      table.append("<th>").append(Html.escape(header)).append("</th>");
    }
    table.append("</tr></thead>\n<tbody>\n");
    Map<Integer, SizeInterval> raced = new TreeMap<>();
    sampling.sizes().forEach(size -> raced.put(size.value(), size));
    TreeSet<Integer> memories = new TreeSet<>(sampling.invocationsPerSize().keySet());
    memories.addAll(raced.keySet());
    for (int memory : memories) {
      SizeInterval size = raced.get(memory);
      int invocations =
          sampling.invocationsPerSize().getOrDefault(memory, size == null ? 0 : size.invocations());
      table
          .append("<tr class=\"sampled")
          .append(kind(sampling, memory, size))
          .append("\" data-memory=\"")
          .append(memory)
          .append("\"><td>")
          .append(memory)
          .append(" MB</td><td>")
          .append(invocations)
          .append("</td>");
      if (size == null) {
        table.append("<td colspan=\"3\">unusable: left out of the race</td></tr>\n");
        continue;
      }
      for (String cell :
          List.of(
              figure(strategy, size.estimate()),
              figure(strategy, size.low()) + " to " + figure(strategy, size.high()),
              standing(sampling, size))) {
        table.append("<td>").append(Html.escape(cell)).append("</td>");
      }
      table.append("</tr>\n");
    }
    return table.append("</tbody>\n</table>\n").toString();
  }

  /** The row's classes after {@code sampled}. */
  private static String kind(AdaptiveSampling sampling, int memory, SizeInterval size) {
    if (size == null) {
      return " unsuitable";
    }
    if (size.droppedInRound() != null) {
      return " dropped";
    }
    if (memory == sampling.pick()) {
      return " pick";
    }
    return sampling.tied().contains(memory) ? " tied" : "";
  }

  private static String standing(AdaptiveSampling sampling, SizeInterval size) {
    if (size.droppedInRound() != null) {
      return "dropped after round " + size.droppedInRound();
    }
    if (size.value() == sampling.pick()) {
      return "picked; in the race to the end";
    }
    if (sampling.tied().contains(size.value())) {
      return "tied with the pick; in the race to the end";
    }
    return "in the race to the end";
  }

  /** What the strategy's figure is: a duration for speed, a price for cost, else a score. */
  private static String figureName(String strategy) {
    return switch (strategy == null ? "cost" : strategy) {
      case "speed" -> "duration (ms)";
      case "balanced" -> "balanced score";
      default -> "cost/invocation";
    };
  }

  /** A figure: ms for speed, dollars for cost, a score with three decimals for balanced. */
  static String figure(String strategy, double value) {
    return switch (strategy == null ? "cost" : strategy) {
      case "speed" -> Numbers.ms(value);
      case "balanced" -> String.format(Locale.ROOT, "%.3f", value);
      default -> Wording.money(value);
    };
  }
}
