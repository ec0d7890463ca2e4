package io.powertune.bench.sampling;

import static io.powertune.bench.sampling.SamplingSimulation.percent;

import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.strategy.Strategy;
import io.powertune.bench.sampling.SamplingSimulation.Tally;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The simulation's results as Markdown. */
final class SimulationReport {

  /** Right picks at least this share of trials, per strategy. */
  static final double ACCURACY_TARGET = 0.95;

  private SimulationReport() {}

  /**
   * Renders the tallies.
   *
   * @param command the command line that ran the simulation, for the record
   */
  static String render(
      List<Tally> tallies,
      String command,
      int trials,
      SamplingSettings settings,
      double seconds,
      Instant at) {
    StringBuilder out = new StringBuilder("# Adaptive sampling simulation\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Run %s: `%s` (%.0f s on %d cores). %d profiles, %d seeded trials"
                + " each, per size set and strategy; confidence %.2f, tie tolerance %s, minNum %d,"
                + " maxNum %d. A pick is right when its true figure is within the tie tolerance of"
                + " the true best's. Spend: the adaptive run's invocations over a fixed num 50"
                + " run's. Targets: right in at least 95%% of trials for every strategy, spending"
                + " at most 30%% (6 default sizes) and 10%% (the 46 sizes of ALL).\n\n",
            at,
            command,
            seconds,
            Runtime.getRuntime().availableProcessors(),
            FunctionProfile.all().size(),
            trials,
            settings.confidence(),
            percent(settings.tieTolerance()),
            settings.minNum(),
            settings.maxNum()));
    out.append(
        "| sizes | strategy | adaptive right | worst profile | spend | most spent by a profile |"
            + " fixed num 10 right | fixed num 50 right | target |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    for (String set : List.of("default", "ALL")) {
      double budget = set.equals("ALL") ? 0.10 : 0.30;
      for (Strategy strategy : Strategy.values()) {
        List<Tally> group =
            tallies.stream()
                .filter(t -> t.sizeSet().equals(set) && t.strategy() == strategy)
                .toList();
        if (group.isEmpty()) {
          continue; // a strategy left out of this run
        }
        double right = share(group.stream().mapToLong(Tally::adaptiveRight).sum(), group);
        double worst =
            group.stream()
                .mapToDouble(t -> t.adaptiveRight() / (double) t.trials())
                .min()
                .orElse(0);
        double spend = group.stream().mapToDouble(Tally::spendShare).average().orElse(0);
        double most = group.stream().mapToDouble(Tally::spendShare).max().orElse(0);
        boolean met = right >= ACCURACY_TARGET && spend <= budget;
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                set,
                strategy.inputName(),
                percent(right),
                percent(worst),
                percent(spend),
                percent(most),
                percent(share(group.stream().mapToLong(Tally::fixed10Right).sum(), group)),
                percent(share(group.stream().mapToLong(Tally::fixed50Right).sum(), group)),
                met ? "met" : "not met"));
      }
    }
    out.append("\n## Per profile\n\n");
    out.append(
        "| sizes | strategy | profile | cv | cold first run | adaptive right | spend |"
            + " fixed 10 right | fixed 50 right |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    tallies.stream()
        .sorted(
            Comparator.comparing((Tally t) -> t.sizeSet().equals("ALL"))
                .thenComparing(Tally::strategy)
                .thenComparing(t -> t.profile().name())
                .thenComparingDouble(t -> t.profile().cv())
                .thenComparingDouble(t -> t.profile().coldFactor()))
        .forEach(
            t ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
                        t.sizeSet(),
                        t.strategy().inputName(),
                        t.profile().name(),
                        percent(t.profile().cv()),
                        t.profile().coldFactor() > 1 ? "x" + t.profile().coldFactor() : "no",
                        percent(t.adaptiveRight() / (double) t.trials()),
                        percent(t.spendShare()),
                        percent(t.fixed10Right() / (double) t.trials()),
                        percent(t.fixed50Right() / (double) t.trials()))));
    return out.toString();
  }

  private static double share(long right, List<Tally> group) {
    return right / (double) group.stream().mapToLong(Tally::trials).sum();
  }
}
