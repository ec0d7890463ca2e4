package io.powertune.visualizer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report printed after a tuning: one row per size (average, p50 and p90 duration, cost per
 * invocation and per million invocations, the request charge included, max memory used of the size,
 * cold starts, errors), then the headline and the recommendation in words, and with adaptive
 * sampling what the race picked and spent.
 */
public final class TerminalReport {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private static final String[] HEADERS = {
    "memory",
    "avg ms",
    "p50 ms",
    "p90 ms",
    "cost/invocation",
    "per 1M invocations",
    "max memory used",
    "cold starts",
    "errors"
  };

  private TerminalReport() {}

  public static String render(TuningAnalysis result, ReportFormat format) {
    return switch (format) {
      case TABLE -> table(result);
      case MARKDOWN -> markdown(result);
      case JSON -> json(result);
    };
  }

  private static String table(TuningAnalysis result) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%9s %10s %10s %10s %16s %19s %16s %12s %7s%n", (Object[]) HEADERS));
    for (SizeResult size : result.sizes()) {
      List<String> cells = cells(size);
      String mark = size.value() == result.power() ? "  <- " + result.strategy() + " pick" : "";
      if (!size.suitable()) {
        out.append(
            String.format(Locale.ROOT, "%9s  unsuitable: %s%n", cells.get(0), size.unsuitable()));
        continue;
      }
      out.append(
          String.format(Locale.ROOT, "%9s %10s %10s %10s %16s %19s %16s %12s %7s", cells.toArray())
              + mark
              + System.lineSeparator());
    }
    out.append(System.lineSeparator()).append(Headline.of(result)).append(System.lineSeparator());
    out.append(result.recommendation()).append(System.lineSeparator());
    notes(result).forEach(n -> out.append("note: ").append(n).append(System.lineSeparator()));
    sampling(result).ifPresent(line -> out.append(line).append(System.lineSeparator()));
    return out.toString();
  }

  private static String markdown(TuningAnalysis result) {
    StringBuilder out = new StringBuilder("**").append(Headline.of(result)).append("**\n\n");
    out.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    out.append("|---:".repeat(HEADERS.length)).append("|\n");
    for (SizeResult size : result.sizes()) {
      List<String> cells = new ArrayList<>(cells(size));
      if (size.value() == result.power()) {
        cells.set(0, "**" + cells.get(0) + "** (pick)");
      }
      if (!size.suitable()) {
        out.append("| ")
            .append(cells.get(0))
            .append(" | unsuitable: ")
            .append(size.unsuitable().replace("|", "\\|"))
            .append(" |".repeat(HEADERS.length - 2))
            .append(" |\n");
        continue;
      }
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    out.append('\n').append(result.recommendation()).append('\n');
    notes(result).forEach(n -> out.append("\n> ").append(n).append('\n'));
    sampling(result).ifPresent(line -> out.append('\n').append(line).append('\n'));
    return out.toString();
  }

  private static String json(TuningAnalysis result) {
    try {
      return JSON.writeValueAsString(result) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the result as JSON", e);
    }
  }

  /** The cells of a size's row, in {@link #HEADERS} order. */
  static List<String> cells(SizeResult size) {
    String memory = size.value() + " MB";
    if (!size.suitable()) {
      return List.of(
          memory,
          "",
          "",
          "",
          "",
          "",
          used(size),
          Integer.toString(size.coldStarts()),
          Integer.toString(size.errors()));
    }
    return List.of(
        memory,
        Numbers.ms(size.averageDuration()),
        size.duration() == null ? "" : Numbers.ms(size.duration().median()),
        size.duration() == null ? "" : Numbers.ms(size.duration().p90()),
        Wording.money(size.averagePrice()),
        Numbers.perMillion(size.averagePrice()),
        used(size),
        Integer.toString(size.coldStarts()),
        Integer.toString(size.errors()));
  }

  private static String used(SizeResult size) {
    return size.maxMemoryUsed() == null
        ? "?"
        : size.maxMemoryUsed() + " of " + size.value() + " MB";
  }

  /**
   * With adaptive sampling, the race in one line: the pick, its confidence, what it spent beside a
   * fixed-{@code num} run of the same accuracy, and why it stopped; empty for a fixed run.
   */
  static Optional<String> sampling(TuningAnalysis result) {
    AdaptiveSampling sampling = result.sampling();
    if (sampling == null) {
      return Optional.empty();
    }
    return Optional.of(
        "adaptive sampling: "
            + sampling.pick()
            + " MB picked"
            + SamplingSection.tiedWith(sampling)
            + " with "
            + Numbers.percent(sampling.confidence())
            + " confidence after "
            + SamplingSection.rounds(sampling.rounds())
            + ", "
            + sampling.invocations()
            + " invocations (a fixed run of the same accuracy: num "
            + sampling.fixedEquivalent().num()
            + ", "
            + sampling.fixedEquivalent().invocations()
            + " invocations); stopped: "
            + sampling.stoppedBecause()
            + sampling.shortfall().map(s -> "; " + s).orElse(""));
  }

  /** What the reader must know to trust the figures. */
  static List<String> notes(TuningAnalysis result) {
    List<String> notes = new ArrayList<>();
    if (SizeResult.CPU_SCALING_UNAVAILABLE.equals(result.cpuScaling())) {
      notes.add(
          "CPU did not follow memory on the platform that ran this (no cgroups), so durations do"
              + " not depend on the size");
    }
    if (result.contention() != null) {
      notes.add(result.contention());
    }
    int rerun = 0;
    int corrected = 0;
    for (SizeResult size : result.sizes()) {
      if (size.contended() != null) {
        rerun += size.contended().rerun();
        corrected += size.contended().corrected();
      }
    }
    String busy = " waited for a CPU busy with other work (over 5% of their duration)";
    if (rerun > 0) {
      notes.add(
          rerun
              + " invocation run(s)"
              + busy
              + " and were run again"
              + (corrected == 0
                  ? ""
                  : "; "
                      + corrected
                      + " stayed contended after every rerun and count with that wait taken off"
                      + " their duration"));
    } else if (corrected > 0) {
      notes.add(
          corrected
              + " invocation(s)"
              + busy
              + " and count with that wait taken off their duration");
    }
    return notes;
  }
}
