package io.agentruntime.governance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of policy limits, in annotations, table attributes and logs: {@code
 * <amount>/<period>}, optionally followed by {@code per principal} or {@code per runtime}. Rate
 * limits ({@code 600/1m}) and budgets ({@code 200000/1d}, {@code 50 USD/1mo per runtime}) read
 * their amount and period from it, each with its own rules for both.
 *
 * @param amount the text before the slash, trimmed
 * @param period the text after it
 * @param key who shares the limit, {@link RateLimit.Key#PRINCIPAL} when not given
 */
record LimitText(String amount, String period, RateLimit.Key key) {

  private static final Pattern SHAPE =
      Pattern.compile("^([^/]+)/(\\S+)(?:\\s+per\\s+(\\S+))?$", Pattern.CASE_INSENSITIVE);

  /**
   * Splits {@code text}.
   *
   * @param example a well-formed limit, quoted in the error
   * @throws IllegalArgumentException naming the expected shape, or the bad key
   */
  static LimitText parse(String text, String example) {
    Matcher matcher = SHAPE.matcher(text == null ? "" : text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "must look like " + example + " or " + example + " per runtime, got '" + text + "'");
    }
    RateLimit.Key key =
        matcher.group(3) == null ? RateLimit.Key.PRINCIPAL : RateLimit.Key.parse(matcher.group(3));
    return new LimitText(matcher.group(1).trim(), matcher.group(2), key);
  }
}
