package io.powertune.visualizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.adaptive.AdaptiveSampling;
import io.powertune.analyzer.adaptive.RaceRound;
import io.powertune.analyzer.adaptive.SamplingSettings;
import io.powertune.analyzer.adaptive.SizeInterval;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Results of real tunings on the embedded platform: the CPU-bound example tuned for speed, and the
 * memory-hungry one tuned for balance (it runs out of memory at 128 MB); and the same results as if
 * adaptive sampling had measured them, with a race written by hand.
 */
final class Fixtures {

  private Fixtures() {}

  static TuningAnalysis cpuBound() {
    return read("cpu-bound.json");
  }

  static TuningAnalysis memoryHungry() {
    return read("memory-hungry.json");
  }

  /**
   * The CPU-bound result raced: 128 to 512 MB dropped after round 1, 1024 MB after round 2, 3008 MB
   * picked with 1536 MB tied, 65 invocations in 3 rounds.
   */
  static TuningAnalysis cpuBoundAdaptive() {
    return withSampling(
        cpuBound(),
        new AdaptiveSampling(
            AdaptiveSampling.ADAPTIVE,
            3008,
            List.of(3008, 1536),
            0.9734,
            RaceRound.ALL_TIED,
            3,
            65,
            Map.of(128, 5, 256, 5, 512, 5, 1024, 10, 1536, 20, 3008, 20),
            new AdaptiveSampling.FixedEquivalent(40, 240),
            SamplingSettings.DEFAULTS,
            "each size on its own runs",
            List.of(
                new SizeInterval(128, 5, 691.04, 680.1, 702.3, 1),
                new SizeInterval(256, 5, 340.9, 335.2, 346.8, 1),
                new SizeInterval(512, 5, 169.81, 166.4, 173.3, 1),
                new SizeInterval(1024, 10, 79.67, 78.5, 80.9, 2),
                new SizeInterval(1536, 20, 54.49, 48.1, 55.2, null),
                new SizeInterval(3008, 20, 48.9, 48.2, 49.6, null))));
  }

  /**
   * The memory-hungry result raced: 128 MB left out (it ran out of memory), 256 and 512 MB dropped
   * after round 1, 1024 MB after round 2, 1769 MB picked alone, 36 invocations in 3 rounds.
   */
  static TuningAnalysis memoryHungryAdaptive() {
    return withSampling(
        memoryHungry(),
        new AdaptiveSampling(
            AdaptiveSampling.ADAPTIVE,
            1769,
            List.of(1769),
            0.95,
            RaceRound.ONE_LEFT,
            3,
            36,
            Map.of(128, 1, 256, 5, 512, 5, 1024, 10, 1769, 15),
            new AdaptiveSampling.FixedEquivalent(30, 150),
            SamplingSettings.DEFAULTS,
            "duration model a + s/min(m,1769) + p/min(m,1769t) + g/(m-L), coefficients [1.0, 2.0]",
            List.of(
                new SizeInterval(256, 5, 0.874, 0.851, 0.899, 1),
                new SizeInterval(512, 5, 0.512, 0.498, 0.527, 1),
                new SizeInterval(1024, 10, 0.301, 0.29, 0.313, 2),
                new SizeInterval(1769, 15, 0.233, 0.224, 0.242, null))));
  }

  /** The result with this sampling. */
  static TuningAnalysis withSampling(TuningAnalysis r, AdaptiveSampling sampling) {
    return new TuningAnalysis(
        r.power(),
        r.cost(),
        r.duration(),
        r.stateMachine(),
        r.stats(),
        r.strategy(),
        r.balancedWeight(),
        r.recommendation(),
        r.cpuScaling(),
        r.currentMemorySize(),
        r.contention(),
        sampling,
        r.sizes());
  }

  static TuningAnalysis read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      return TuningResults.read(new ObjectMapper().readTree(in), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
