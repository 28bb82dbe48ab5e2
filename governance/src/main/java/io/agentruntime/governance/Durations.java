package io.agentruntime.governance;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration syntax of the product: CRD fields, the runtime's config file and rate limits in
 * the policy store.
 */
public final class Durations {

  /** A whole number and one unit: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
  public static final String PATTERN = "^([0-9]{1,9})(ms|s|m|h)$";

  /** The longest text {@link #PATTERN} matches: nine digits and a two-letter unit. */
  public static final int MAX_LENGTH = 11;

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private Durations() {}

  /** The duration {@code text} denotes, or empty when it does not follow {@link #PATTERN}. */
  public static Optional<Duration> parse(String text) {
    Matcher matcher = COMPILED.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(matcher.group(1));
    return Optional.of(
        switch (matcher.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        });
  }

  /**
   * {@code duration} in the largest unit that denotes it exactly ({@code 1m}, not {@code 60s}), the
   * inverse of {@link #parse}.
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}
