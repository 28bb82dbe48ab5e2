package io.agentruntime.governance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much the requests one policy permits may consume within a window: tokens ({@code
 * @tokenBudget("200000/1d")}) or US dollars ({@code @costBudget("50 USD/1mo")}). Shares the
 * grammar of {@link RateLimit}, {@code per principal} (the default) or {@code per runtime}.
 *
 * <p>Amounts are whole units of the budget's {@link Kind}: tokens, or micro-dollars (a millionth of
 * a dollar), so that a shared table adds and compares integers.
 *
 * @param kind what the budget counts
 * @param cap how much may be consumed per window, in {@link Kind} units
 * @param window the window the cap applies to
 * @param key who shares a budget
 */
public record Budget(Kind kind, long cap, BudgetWindow window, RateLimit.Key key) {

  /** The largest cap: a trillion tokens, or a million dollars. */
  public static final long MAX_CAP = 1_000_000_000_000L;

  private static final String TOKEN_EXAMPLE = "200000/1d";
  private static final String COST_EXAMPLE = "50 USD/1mo";
  private static final String USD = "USD";
  private static final BigDecimal MICROS_PER_DOLLAR = BigDecimal.valueOf(1_000_000);

  public Budget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(key, "key");
    if (cap < 1 || cap > MAX_CAP) {
      throw new IllegalArgumentException(
          "the cap must be positive and at most " + kind.format(MAX_CAP) + ", got " + cap);
    }
  }

  /**
   * Parses a token budget: {@code 200000/1d}, optionally {@code 200000/1d per runtime}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Budget parseTokens(String text) {
    LimitText parts = LimitText.parse(text, TOKEN_EXAMPLE);
    if (!parts.amount().matches("[0-9]{1,12}")) {
      throw new IllegalArgumentException(
          "must look like " + TOKEN_EXAMPLE + ", a whole number of tokens, got '" + text + "'");
    }
    return new Budget(
        Kind.TOKENS,
        Long.parseLong(parts.amount()),
        BudgetWindow.parse(parts.period()),
        parts.key());
  }

  /**
   * Parses a cost budget: {@code 50 USD/1mo}, {@code 12.50 USD/1d per runtime}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Budget parseCost(String text) {
    LimitText parts = LimitText.parse(text, COST_EXAMPLE);
    String[] words = parts.amount().split("\\s+");
    if (words.length != 2
        || !USD.equals(words[1])
        || !words[0].matches("[0-9]{1,7}(\\.[0-9]{1,6})?")) {
      throw new IllegalArgumentException(
          "must look like "
              + COST_EXAMPLE
              + " (dollars with at most 6 decimals, then USD), got '"
              + text
              + "'");
    }
    return new Budget(
        Kind.COST,
        micros(new BigDecimal(words[0])),
        BudgetWindow.parse(parts.period()),
        parts.key());
  }

  /** Whole micro-dollars of {@code dollars}, rounded up: a price never rounds to free. */
  public static long micros(BigDecimal dollars) {
    return dollars.multiply(MICROS_PER_DOLLAR).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** {@code micros} as dollars: {@code 12.5}, {@code 0.000001}. */
  public static String dollars(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }

  /** The compact form its parser reads. */
  @Override
  public String toString() {
    String amount = kind.format(cap);
    return amount + "/" + window + " per " + key.displayName();
  }

  /** What a budget counts. */
  public enum Kind {
    /** Prompt plus completion tokens. */
    TOKENS("tokens", "tokenBudget"),
    /** US dollars, priced from the intent's {@code backend.price}, counted in micro-dollars. */
    COST("cost", "costBudget");

    private final String label;
    private final String attribute;

    Kind(String label, String attribute) {
      this.label = label;
      this.attribute = attribute;
    }

    /** {@code tokens} or {@code cost}: problem details, headers and table keys use it. */
    public String label() {
      return label;
    }

    /** {@code tokenBudget} or {@code costBudget}: the annotation, CR field and table attribute. */
    public String attribute() {
      return attribute;
    }

    /** {@code amount} as people read it: {@code 1200} tokens, {@code 12.5 USD}. */
    public String format(long amount) {
      return this == TOKENS ? Long.toString(amount) : dollars(amount) + " " + USD;
    }

    /** Parses a budget of this kind. */
    public Budget parse(String text) {
      return this == TOKENS ? parseTokens(text) : parseCost(text);
    }
  }
}
