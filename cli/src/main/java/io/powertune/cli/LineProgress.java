package io.powertune.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Progress as plain lines, for logs and pipes: one when a size's measurement ends, and every {@link
 * #EVERY} one for the size being measured.
 */
final class LineProgress implements ProgressDisplay {

  static final Duration EVERY = Duration.ofSeconds(15);

  private final PrintWriter err;
  private final List<Integer> sizes;
  private final int perSize;
  private final boolean race;
  private final Set<Integer> said = new HashSet<>();
  private Duration lastLine = Duration.ZERO;

  /**
   * @param perSize invocations per size: {@code num}, or in a race {@code maxNum}
   * @param race true when the sizes are raced (adaptive sampling): a size is done when it leaves
   *     the race, with however many invocations it had
   */
  LineProgress(PrintWriter err, List<Integer> sizes, int perSize, boolean race) {
    this.err = err;
    this.sizes = List.copyOf(sizes);
    this.perSize = perSize;
    this.race = race;
  }

  @Override
  public void update(Snapshot snapshot) {
    for (int size : sizes) {
      if (snapshot.done().contains(size) && said.add(size)) {
        line(
            size + (race ? " MB out of the race" : " MB measured"),
            snapshot.measured().getOrDefault(size, 0),
            snapshot.elapsed());
      }
    }
    if (snapshot.elapsed().minus(lastLine).compareTo(EVERY) >= 0) {
      for (int size : sizes) {
        int count = snapshot.measured().getOrDefault(size, 0);
        if (!snapshot.done().contains(size) && count > 0) {
          line("measuring " + size + " MB", count, snapshot.elapsed());
        }
      }
    }
  }

  private void line(String what, int count, Duration elapsed) {
    err.println(
        String.format(
            Locale.ROOT,
            race
                ? "powertune: %s: %d invocations, at most %d (%.1f s)"
                : "powertune: %s: %d of %d invocations (%.1f s)",
            what,
            Math.min(count, perSize),
            perSize,
            elapsed.toMillis() / 1000.0));
    err.flush();
    lastLine = elapsed;
  }

  @Override
  public void close() {}
}
