package io.powertune.cli;

import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** Progress as a bar on a terminal: invocations measured of all, and the size being measured. */
final class BarProgress implements ProgressDisplay {

  private final ProgressBar bar;
  private final List<Integer> sizes;
  private final int perSize;
  private final boolean race;

  /**
   * @param perSize invocations per size: {@code num}, or in a race {@code maxNum}
   * @param race true when the sizes are raced (adaptive sampling): a size out of the race counts
   *     the invocations it had, and the bar's end comes nearer
   */
  BarProgress(List<Integer> sizes, int perSize, boolean race) {
    this.sizes = List.copyOf(sizes);
    this.perSize = perSize;
    this.race = race;
    this.bar =
        new ProgressBarBuilder()
            .setTaskName("tuning")
            .setInitialMax((long) sizes.size() * perSize)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .setUnit(" invocations", 1)
            .showSpeed()
            .build();
  }

  @Override
  public void update(Snapshot snapshot) {
    long total = 0;
    long most = 0;
    StringBuilder now = new StringBuilder();
    for (int size : sizes) {
      int count = Math.min(snapshot.measured().getOrDefault(size, 0), perSize);
      boolean done = snapshot.done().contains(size);
      total += done && !race ? perSize : count;
      most += done && race ? count : perSize;
      if (!done && count > 0) {
        now.append(now.length() == 0 ? "" : ", ")
            .append(size)
            .append(" MB ")
            .append(count)
            .append('/')
            .append(perSize);
      }
    }
    if (race) {
      bar.maxHint(most);
    }
    bar.stepTo(total);
    bar.setExtraMessage(now.length() == 0 ? "" : "  " + now);
  }

  @Override
  public void close() {
    bar.close();
  }
}
