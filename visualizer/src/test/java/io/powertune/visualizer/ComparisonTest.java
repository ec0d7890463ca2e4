package io.powertune.visualizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.powertune.analyzer.stats.DurationSummary;
import io.powertune.analyzer.tuning.SizeResult;
import io.powertune.analyzer.tuning.TuningAnalysis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two runs compared, and the CI gate built on it. */
class ComparisonTest {

  /** A size whose ten durations have this mean and standard deviation. */
  static SizeResult size(int memory, double mean, double sd) {
    double half = 2.262 * sd / Math.sqrt(10);
    DurationSummary durations =
        new DurationSummary(
            10,
            mean,
            mean,
            mean,
            mean + sd,
            mean + 2 * sd,
            sd,
            mean - half,
            mean + half,
            mean - 2 * sd,
            mean + 2 * sd);
    return new SizeResult(
        memory,
        mean * 2e-8,
        mean,
        mean * 2e-7,
        "x86_64",
        10,
        1,
        9,
        durations,
        durations,
        null,
        mean,
        null,
        40,
        0,
        Map.of(),
        null,
        "available",
        1,
        0,
        null);
  }

  static TuningAnalysis run(int pick, SizeResult... sizes) {
    return new TuningAnalysis(
        pick, 0, 0, null, null, "cost", null, "", "available", 128, null, null, List.of(sizes));
  }

  @Test
  void of_changeBeyondTheNoise_isSignificant_andWithinIt_isNot() {
    TuningAnalysis before = run(512, size(256, 100, 2), size(512, 50, 1));
    TuningAnalysis after = run(512, size(256, 101, 2), size(512, 60, 1));

    Comparison comparison = Comparison.of("a.json", before, "b.json", after);

    Comparison.Row small = comparison.rows().get(0);
    Comparison.Row large = comparison.rows().get(1);
    assertThat(small.significant()).isFalse();
    assertThat(large.significant()).isTrue();
    assertThat(large.durationChange().getAsDouble())
        .isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ComparisonReport.headline(comparison))
        .isEqualTo(
            "b.json against a.json: both pick 512 MB; at 512 MB, b.json is 20% slower (beyond the runs' noise) and 20% more expensive");
  }

  @Test
  void of_sizeMeasuredInOneRunOnly_hasARowWithoutChange() {
    Comparison comparison =
        Comparison.of(
            "a", run(512, size(512, 50, 1)), "b", run(512, size(512, 50, 1), size(1024, 30, 1)));

    assertThat(comparison.rows()).hasSize(2);
    assertThat(comparison.rows().get(1).a()).isEmpty();
    assertThat(comparison.rows().get(1).durationChange()).isEmpty();
  }

  @Test
  void gate_regressionBeyondNoiseAndThreshold_isReported() {
    TuningAnalysis before = run(512, size(512, 50, 1));
    TuningAnalysis after = run(512, size(512, 60, 1));

    List<String> regressions = RegressionGate.check(before, after, 0.05);

    assertThat(regressions).hasSize(2);
    assertThat(regressions.get(0))
        .startsWith("duration at 512 MB got 20% worse (warm mean 50.0 ms to 60.0 ms; p = ")
        .endsWith(" that it is no more than 5% worse)");
    assertThat(regressions.get(1))
        .startsWith("cost at 512 MB got 20% worse ($0.000001 to $0.0000012 per invocation; p = ");
  }

  @Test
  void gate_withinTheThreshold_orTheNoise_passes() {
    TuningAnalysis before = run(512, size(512, 50, 1));

    assertThat(RegressionGate.check(before, run(512, size(512, 51, 1)), 0.05)).isEmpty();
    assertThat(RegressionGate.check(before, run(512, size(512, 60, 30)), 0.05)).isEmpty();
  }

  @Test
  void gate_slowerButWithinTheAllowedShareBeyondNoise_passes() {
    TuningAnalysis before = run(512, size(512, 50, 0.5));

    assertThat(RegressionGate.check(before, run(512, size(512, 53, 0.5)), 0.10)).isEmpty();
  }

  @Test
  void gate_constantDurationsTwiceAsSlow_fails() {
    TuningAnalysis before = run(512, size(512, 50, 0));

    assertThat(RegressionGate.check(before, run(512, size(512, 100, 0)), 0.05)).hasSize(2);
  }

  @Test
  void gate_pickNotInTheBaseline_comparesThePicks() {
    TuningAnalysis before = run(256, size(256, 50, 1));
    TuningAnalysis after = run(512, size(512, 80, 1));

    assertThat(RegressionGate.check(before, after, 0.05))
        .first()
        .asString()
        .startsWith("duration of the pick (256 MB before, 512 MB now) got 60% worse");
  }
}
