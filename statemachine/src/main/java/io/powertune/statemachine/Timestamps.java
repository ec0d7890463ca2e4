package io.powertune.statemachine;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps as the States language takes them (Choice's Timestamp* operators, Wait's
 * Timestamp and TimestampPath): {@code 2016-03-14T01:59:00Z}, with an optional fraction of a second
 * ({@code 01:59:00.123Z}) and {@code Z} or a numeric offset ({@code +01:00}). The {@code T} and
 * {@code Z} must be uppercase, seconds are required, and a leap second (second 60) is not accepted.
 * Fractions finer than a nanosecond are cut off.
 */
public final class Timestamps {

  private static final Pattern RFC_3339 =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?"
              + "(?:(Z)|([+-])(\\d{2}):(\\d{2}))");

  private Timestamps() {}

  /** The instant {@code text} names, or null when it is not an RFC 3339 timestamp. */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = RFC_3339.matcher(text);
    if (!m.matches()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
      LocalTime time = LocalTime.of(number(m, 4), number(m, 5), number(m, 6), nanos(m.group(7)));
      ZoneOffset offset;
      if (m.group(8) != null) {
        offset = ZoneOffset.UTC;
      } else {
        int sign = m.group(9).equals("-") ? -1 : 1;
        offset = ZoneOffset.ofHoursMinutes(sign * number(m, 10), sign * number(m, 11));
      }
      return OffsetDateTime.of(date, time, offset).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int nanos(String fraction) {
    if (fraction == null) {
      return 0;
    }
    String digits = fraction.length() > 9 ? fraction.substring(0, 9) : fraction;
    return Integer.parseInt(digits + "0".repeat(9 - digits.length()));
  }
}
