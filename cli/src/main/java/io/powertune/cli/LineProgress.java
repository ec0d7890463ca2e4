package io.powertune.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Progress as plain lines, one when a size is measured: for logs and pipes. */
final class LineProgress implements ProgressDisplay {

  private final PrintWriter err;
  private final List<Integer> sizes;
  private final int perSize;
  private final Set<Integer> done = new HashSet<>();

  LineProgress(PrintWriter err, List<Integer> sizes, int perSize) {
    this.err = err;
    this.sizes = List.copyOf(sizes);
    this.perSize = perSize;
  }

  @Override
  public void update(Map<Integer, Integer> measured, Duration elapsed) {
    for (int size : sizes) {
      int count = measured.getOrDefault(size, 0);
      if (count >= perSize && done.add(size)) {
        err.println(
            String.format(
                Locale.ROOT,
                "powertune: %d MB measured: %d of %d invocations (%.1f s)",
                size,
                count,
                perSize,
                elapsed.toMillis() / 1000.0));
        err.flush();
      }
    }
  }

  @Override
  public void close() {}
}
