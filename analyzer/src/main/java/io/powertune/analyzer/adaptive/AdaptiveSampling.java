package io.powertune.analyzer.adaptive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an adaptive tuning says of its sampling: the output's {@code sampling}.
 *
 * @param mode {@code adaptive}
 * @param pick the size the race picked
 * @param tied the sizes left whose figure is within the tie tolerance of the pick's, the pick first
 * @param confidence how sure the race is that no size beats the pick by more than the tie tolerance
 * @param stoppedBecause why the race ended
 * @param rounds rounds of invocations run
 * @param invocations invocations run in all, failed ones included
 * @param invocationsPerSize invocations run at each size
 * @param fixedEquivalent what a fixed-{@code num} run of the same accuracy would have cost
 * @param settings the settings the race ran with
 * @param estimate how the sizes' durations were estimated
 * @param sizes every usable size's figure with its interval, and the round it was dropped after
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "mode",
  "pick",
  "tied",
  "confidence",
  "stoppedBecause",
  "rounds",
  "invocations",
  "invocationsPerSize",
  "fixedEquivalent",
  "settings",
  "estimate",
  "sizes"
})
public record AdaptiveSampling(
    String mode,
    int pick,
    List<Integer> tied,
    double confidence,
    String stoppedBecause,
    int rounds,
    int invocations,
    Map<Integer, Integer> invocationsPerSize,
    FixedEquivalent fixedEquivalent,
    SamplingSettings settings,
    String estimate,
    List<SizeInterval> sizes) {

  /** The {@code mode} of an adaptive tuning. */
  public static final String ADAPTIVE = "adaptive";

  public AdaptiveSampling {
    tied = List.copyOf(tied);
    invocationsPerSize = new TreeMap<>(invocationsPerSize);
    sizes = List.copyOf(sizes);
  }

  /**
   * A fixed-{@code num} run that would tell the pick from every size worse than it by more than the
   * tie tolerance, at the same confidence, with per-size t tests of the figures measured.
   *
   * @param num invocations per size
   * @param invocations in all: {@code num} times the sizes
   */
  public record FixedEquivalent(int num, long invocations) {}

  /**
   * What to say when the race ended less sure than asked: a size dropped on an early round's
   * estimates is no longer clearly worse under the final ones, or {@code maxNum} came first; empty
   * when it reached the requested confidence.
   */
  public Optional<String> shortfall() {
    if (confidence >= settings.confidence()) {
      return Optional.empty();
    }
    return Optional.of(
        "below the requested confidence: the final estimates leave some chance that another size"
            + " beats the pick by more than the tie tolerance; narrow powerValues to the sizes near"
            + " the pick, or raise minNum or maxNum, to settle it");
  }

  /** The summary of a finished race. */
  public static AdaptiveSampling of(
      RaceRound last, SamplingSettings settings, Map<Integer, Integer> invocationsPerSize) {
    int total = invocationsPerSize.values().stream().mapToInt(Integer::intValue).sum();
    return new AdaptiveSampling(
        ADAPTIVE,
        last.pick(),
        last.tied(),
        last.confidence(),
        last.reason(),
        last.round(),
        total,
        invocationsPerSize,
        new FixedEquivalent(last.fixedNum(), (long) last.fixedNum() * invocationsPerSize.size()),
        settings,
        last.model(),
        last.sizes());
  }
}
