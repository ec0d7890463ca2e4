package io.powertune.visualizer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.powertune.analyzer.tuning.TuningAnalysis;
import io.powertune.analyzer.tuning.TuningResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Results of real tunings on the embedded platform: the CPU-bound example tuned for speed, and the
 * memory-hungry one tuned for balance (it runs out of memory at 128 MB).
 */
final class Fixtures {

  private Fixtures() {}

  static TuningAnalysis cpuBound() {
    return read("cpu-bound.json");
  }

  static TuningAnalysis memoryHungry() {
    return read("memory-hungry.json");
  }

  static TuningAnalysis read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      return TuningResults.read(new ObjectMapper().readTree(in), name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
