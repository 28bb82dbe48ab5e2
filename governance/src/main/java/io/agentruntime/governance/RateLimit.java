package io.agentruntime.governance;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How many of the requests one policy permits may pass: {@code requests} per {@code per}, counted
 * in a token bucket that holds at most {@code requests} tokens and refills continuously at {@code
 * requests / per}.
 *
 * @param requests the bucket's capacity and the number of tokens added per {@code per}
 * @param per the refill period, at least one second
 * @param key who shares a bucket
 */
public record RateLimit(long requests, Duration per, Key key) {

  /** The longest refill period: a bucket idle for longer is as full as a new one. */
  public static final Duration MAX_PER = Duration.ofDays(1);

  private static final String EXAMPLE = "600/1m";

  public RateLimit {
    Objects.requireNonNull(per, "per");
    Objects.requireNonNull(key, "key");
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1, got " + requests);
    }
    if (per.compareTo(Duration.ofSeconds(1)) < 0 || per.compareTo(MAX_PER) > 0) {
      throw new IllegalArgumentException(
          "per must be between 1s and 24h, got " + Durations.format(per));
    }
  }

  /**
   * Parses the compact form used in Cedar annotations and logs: {@code 600/1m}, optionally {@code
   * 600/1m per runtime}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static RateLimit parse(String text) {
    LimitText parts = LimitText.parse(text, EXAMPLE);
    if (!parts.amount().matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(
          "must look like " + EXAMPLE + " or " + EXAMPLE + " per runtime, got '" + text + "'");
    }
    Duration per =
        Durations.parse(parts.period())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "invalid period '" + parts.period() + "' (use 10s, 1m or 1h)"));
    return new RateLimit(Long.parseLong(parts.amount()), per, parts.key());
  }

  /** The compact form {@link #parse} reads. */
  @Override
  public String toString() {
    return requests + "/" + Durations.format(per) + " per " + key.displayName();
  }

  /** Who shares a bucket. */
  public enum Key {
    /** One bucket per calling principal. */
    PRINCIPAL("principal"),
    /** One bucket for every caller of the runtime. */
    RUNTIME("runtime");

    private final String displayName;

    Key(String displayName) {
      this.displayName = displayName;
    }

    /** The spelling in CRs, annotations and the table: {@code principal} or {@code runtime}. */
    public String displayName() {
      return displayName;
    }

    /**
     * Parses {@code principal} or {@code runtime}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Key parse(String value) {
      for (Key key : values()) {
        if (value != null && key.displayName.equals(value.trim().toLowerCase(Locale.ROOT))) {
          return key;
        }
      }
      throw new IllegalArgumentException(
          "must be principal or runtime, got " + (value == null ? "nothing" : "'" + value + "'"));
    }
  }
}
