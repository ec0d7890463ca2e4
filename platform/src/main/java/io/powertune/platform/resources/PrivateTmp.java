package io.powertune.platform.resources;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The /tmp of one environment.
 *
 * @param enterCommand the command prefix that gives the process this /tmp (empty when nothing is
 *     mounted)
 * @param tmpDir what the runtime sees as its temporary directory (TMPDIR)
 * @param startMarker a file in which the prefix writes the epoch time, in seconds with
 *     microseconds, at which it hands over to the runtime; null when there is no prefix
 */
public record PrivateTmp(List<String> enterCommand, Path tmpDir, Path startMarker) {

  public PrivateTmp {
    enterCommand = List.copyOf(enterCommand);
  }

  /**
   * When the runtime itself started, on the {@link System#nanoTime()} scale: the process start plus
   * the time the prefix took (mounting /tmp is the platform's work, not the function's init, so
   * Init Duration leaves it out).
   *
   * @param startNanos nanoTime at which the process was started
   * @param startedAt the wall-clock instant taken together with {@code startNanos}
   */
  public long runtimeStartNanos(long startNanos, Instant startedAt) {
    if (startMarker == null) {
      return startNanos;
    }
    try {
      String text = Files.readString(startMarker, StandardCharsets.US_ASCII).strip();
      BigDecimal seconds = new BigDecimal(text.replace(',', '.'));
      long markerMicros = seconds.movePointRight(6).longValueExact();
      long startMicros = startedAt.getEpochSecond() * 1_000_000 + startedAt.getNano() / 1000;
      long delta = (markerMicros - startMicros) * 1000;
      return delta > 0 ? startNanos + delta : startNanos;
    } catch (IOException | NumberFormatException | ArithmeticException e) {
      return startNanos;
    }
  }
}
