package io.agentruntime.runtime.governance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The current time as RFC 3339 in UTC with nine fractional digits, for log lines written on the
 * event loop: the part up to the second is formatted once per second and thread, the rest appended.
 */
final class LogTime {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);
  private static final ThreadLocal<LogTime> PER_THREAD = ThreadLocal.withInitial(LogTime::new);

  private long second = Long.MIN_VALUE;
  private String prefix = "";

  LogTime() {}

  static String now() {
    return PER_THREAD.get().text(Instant.now());
  }

  /** {@code instant} in the same form as {@link #now()}; one thread's calls at a time. */
  String text(Instant instant) {
    if (instant.getEpochSecond() != second) {
      second = instant.getEpochSecond();
      prefix = SECONDS.format(instant);
    }
    String nanos = Integer.toString(instant.getNano());
    StringBuilder out = new StringBuilder(prefix.length() + 10).append(prefix);
    out.repeat('0', 9 - nanos.length());
    return out.append(nanos).append('Z').toString();
  }
}
