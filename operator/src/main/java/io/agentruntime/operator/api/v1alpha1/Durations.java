package io.agentruntime.operator.api.v1alpha1;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;

/** The duration syntax shared by the CRD schema, the validator and the runtime's config file. */
public final class Durations {

  /** A whole number and one unit: {@code 250ms}, {@code 10s}, {@code 5m}, {@code 1h}. */
  public static final String PATTERN = "^([0-9]{1,9})(ms|s|m|h)$";

  private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

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
}
