package io.agentruntime.governance.engine.jvm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Cedar's {@code datetime}: milliseconds since the Unix epoch, UTC.
 *
 * @param epochMillis the instant in milliseconds since 1970-01-01T00:00:00Z
 */
record DateTimeValue(long epochMillis) {
  private static final long DAY_MILLIS = 86_400_000L;

  /**
   * Parses the forms Cedar accepts: {@code YYYY-MM-DD}, optionally followed by {@code Thh:mm:ss},
   * optional {@code .SSS}, and {@code Z} or {@code (+|-)hhmm}.
   *
   * @throws EvaluationError when the text is none of them or names no real date or time
   */
  static DateTimeValue parse(String text) {
    if (!digitsAt(text, 0, 4)
        || !charAt(text, 4, '-')
        || !digitsAt(text, 5, 2)
        || !charAt(text, 7, '-')
        || !digitsAt(text, 8, 2)) {
      throw error("invalid date pattern");
    }
    if (text.length() == 10) {
      return new DateTimeValue(date(text) * DAY_MILLIS);
    }
    if (!charAt(text, 10, 'T')
        || !digitsAt(text, 11, 2)
        || !charAt(text, 13, ':')
        || !digitsAt(text, 14, 2)
        || !charAt(text, 16, ':')
        || !digitsAt(text, 17, 2)) {
      throw error("invalid hour/minute/second pattern");
    }
    int position = 19;
    int millis = 0;
    if (charAt(text, position, '.')) {
      if (!digitsAt(text, position + 1, 3)) {
        throw error("invalid millisecond and/or offset pattern");
      }
      millis = Integer.parseInt(text.substring(position + 1, position + 4));
      position += 4;
    }
    long offsetSeconds = offsetSeconds(text, position);
    long day = date(text);
    int hour = Integer.parseInt(text.substring(11, 13));
    int minute = Integer.parseInt(text.substring(14, 16));
    int second = Integer.parseInt(text.substring(17, 19));
    if (hour >= 24 || minute >= 60 || second >= 60) {
      throw error("invalid hour/minute/second: " + text.substring(11, 19));
    }
    long time = LocalTime.of(hour, minute, second).toSecondOfDay() * 1000L + millis;
    if (offsetSeconds == Long.MIN_VALUE) {
      throw error("invalid offset range: " + text.substring(position + 1));
    }
    return new DateTimeValue(day * DAY_MILLIS + time - offsetSeconds * 1000);
  }

  /** The offset in seconds; {@link Long#MIN_VALUE} when well-formed but out of range. */
  private static long offsetSeconds(String text, int position) {
    if (text.length() == position + 1 && text.charAt(position) == 'Z') {
      return 0;
    }
    boolean signed = charAt(text, position, '+') || charAt(text, position, '-');
    if (!signed || text.length() != position + 5 || !digitsAt(text, position + 1, 4)) {
      throw error("invalid millisecond and/or offset pattern");
    }
    int hours = Integer.parseInt(text.substring(position + 1, position + 3));
    int minutes = Integer.parseInt(text.substring(position + 3, position + 5));
    if (hours >= 24 || minutes >= 60) {
      return Long.MIN_VALUE;
    }
    long seconds = hours * 3600L + minutes * 60L;
    return text.charAt(position) == '+' ? seconds : -seconds;
  }

  /** Days since the epoch of the date at the start of {@code text}. */
  private static long date(String text) {
    try {
      return LocalDate.of(
              Integer.parseInt(text.substring(0, 4)),
              Integer.parseInt(text.substring(5, 7)),
              Integer.parseInt(text.substring(8, 10)))
          .toEpochDay();
    } catch (DateTimeException e) {
      throw error("invalid date: " + text.substring(0, 10));
    }
  }

  private static boolean digitsAt(String text, int from, int count) {
    if (from + count > text.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean charAt(String text, int index, char expected) {
    return index < text.length() && text.charAt(index) == expected;
  }

  private static EvaluationError error(String message) {
    return new EvaluationError("error while evaluating `datetime` extension function: " + message);
  }

  /** This instant moved by {@code duration}; null on overflow. */
  DateTimeValue offset(DurationValue duration) {
    try {
      return new DateTimeValue(Math.addExact(epochMillis, duration.millis()));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The time from {@code other} to this instant; null on overflow. */
  DurationValue durationSince(DateTimeValue other) {
    try {
      return new DurationValue(Math.subtractExact(epochMillis, other.epochMillis));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Midnight of this instant's day; null on overflow. */
  DateTimeValue toDate() {
    long remainder = Math.floorMod(epochMillis, DAY_MILLIS);
    try {
      return new DateTimeValue(Math.subtractExact(epochMillis, remainder));
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** The time since this instant's midnight. */
  DurationValue toTime() {
    return new DurationValue(Math.floorMod(epochMillis, DAY_MILLIS));
  }

  @Override
  public String toString() {
    return "datetime(\"1970-01-01\").offset(duration(\"" + epochMillis + "ms\"))";
  }
}
