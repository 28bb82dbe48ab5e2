package io.agentruntime.cli.loadtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as Prometheus writes them ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h},
 * {@code 1d}), so the same text works on the command line and in a PromQL range.
 */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  @Override
  public Duration convert(String value) {
    Matcher matcher = DURATION.matcher(value.trim());
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a duration: use a number and ms, s, m, h or d, as in 500ms or 1h");
    }
    long unitMillis =
        switch (matcher.group(2)) {
          case "ms" -> 1;
          case "s" -> 1_000;
          case "m" -> 60_000;
          case "h" -> 3_600_000;
          default -> 86_400_000;
        };
    BigDecimal millis = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitMillis));
    if (millis.signum() == 0) {
      throw new TypeConversionException("'" + value + "' is not a duration: it must be above 0");
    }
    return Duration.ofMillis(millis.longValue());
  }

  /** The duration in its largest whole unit, as {@link #convert} and Prometheus read it. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    long[] units = {86_400_000, 3_600_000, 60_000, 1_000};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return millis / units[i] + names[i];
      }
    }
    return millis + "ms";
  }
}
