package io.agentruntime.governance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed window a budget counts in: {@code 1m} to {@code 31d}, or the calendar month {@code
 * 1mo}. Windows are aligned in UTC, so every pod agrees on them without talking to the others:
 * {@code 1d} resets at midnight UTC, {@code 1h} on the hour, {@code 1mo} at the start of the UTC
 * month, and any other length at the multiples of itself since 1970-01-01T00:00Z (a {@code 7d}
 * window starts on Thursdays).
 *
 * @param length the window's length; ignored (zero) for the calendar month
 * @param calendarMonth whether the window is the UTC calendar month
 */
public record BudgetWindow(Duration length, boolean calendarMonth) {

  /** A whole number and one unit: {@code 30m}, {@code 1h}, {@code 1d}, {@code 1mo}. */
  public static final String PATTERN = "^([0-9]{1,4})(m|h|d|mo)$";

  /** The calendar month. */
  public static final BudgetWindow MONTH = new BudgetWindow(Duration.ZERO, true);

  static final Duration MIN = Duration.ofMinutes(1);
  static final Duration MAX = Duration.ofDays(31);

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  public BudgetWindow {
    if (!calendarMonth && (length.compareTo(MIN) < 0 || length.compareTo(MAX) > 0)) {
      throw new IllegalArgumentException(
          "a budget window must be between 1m and 31d, or 1mo, got " + format(length));
    }
  }

  /**
   * Parses {@code 30m}, {@code 1h}, {@code 1d} or {@code 1mo}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static BudgetWindow parse(String text) {
    Matcher matcher = COMPILED.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("invalid window '" + text + "' (use 1h, 1d, 7d or 1mo)");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "mo" -> {
        if (amount != 1) {
          throw new IllegalArgumentException(
              "invalid window '" + text + "': the only month window is 1mo");
        }
        yield MONTH;
      }
      case "m" -> new BudgetWindow(Duration.ofMinutes(amount), false);
      case "h" -> new BudgetWindow(Duration.ofHours(amount), false);
      default -> new BudgetWindow(Duration.ofDays(amount), false);
    };
  }

  /** When the window holding {@code now} started. */
  public Instant start(Instant now) {
    if (calendarMonth) {
      LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
      return day.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    long millis = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
  }

  /** When the window that started at {@code start} ends, and the next one starts. */
  public Instant end(Instant start) {
    if (calendarMonth) {
      return LocalDate.ofInstant(start, ZoneOffset.UTC)
          .plusMonths(1)
          .atStartOfDay()
          .toInstant(ZoneOffset.UTC);
    }
    return start.plus(length);
  }

  /** The form {@link #parse} reads, in the largest unit that denotes it exactly. */
  @Override
  public String toString() {
    return calendarMonth ? "1mo" : format(length);
  }

  private static String format(Duration length) {
    long minutes = length.toMinutes();
    if (length.toMillis() % 60_000 != 0) {
      return Durations.format(length);
    }
    if (minutes % 1440 == 0) {
      return minutes / 1440 + "d";
    }
    return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
  }
}
