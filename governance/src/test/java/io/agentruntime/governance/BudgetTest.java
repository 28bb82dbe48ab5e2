package io.agentruntime.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetTest {

  @Test
  void tokenBudgetsShareTheRateLimitGrammar() {
    assertThat(Budget.parseTokens("200000/1d"))
        .isEqualTo(
            new Budget(
                Budget.Kind.TOKENS,
                200_000,
                new BudgetWindow(Duration.ofDays(1), false),
                RateLimit.Key.PRINCIPAL));
    assertThat(Budget.parseTokens(" 5000/1h per runtime ").key()).isEqualTo(RateLimit.Key.RUNTIME);
  }

  @Test
  void costBudgetsCountMicroDollars() {
    Budget budget = Budget.parseCost("50 USD/1mo");
    assertThat(budget.cap()).isEqualTo(50_000_000);
    assertThat(budget.window()).isEqualTo(BudgetWindow.MONTH);
    assertThat(Budget.parseCost("0.000001 USD/1d").cap()).isEqualTo(1);
    assertThat(Budget.parseCost("12.5 USD/1d per runtime").toString())
        .isEqualTo("12.5 USD/1d per runtime");
  }

  @Test
  void printsWhatItParses() {
    for (String text :
        new String[] {"200000/1d per principal", "1/30m per runtime", "9/7d per principal"}) {
      assertThat(Budget.parseTokens(text)).hasToString(text);
    }
    assertThat(Budget.parseCost("50 USD/1mo per runtime")).hasToString("50 USD/1mo per runtime");
  }

  @Test
  void rejectsBudgetsThatCannotWork() {
    assertThatThrownBy(() -> Budget.parseTokens("0/1d")).hasMessageContaining("positive");
    assertThatThrownBy(() -> Budget.parseTokens("10/30s")).hasMessageContaining("invalid window");
    assertThatThrownBy(() -> Budget.parseTokens("10/32d"))
        .hasMessageContaining("between 1m and 31d");
    assertThatThrownBy(() -> Budget.parseTokens("10/2mo")).hasMessageContaining("only month");
    assertThatThrownBy(() -> Budget.parseTokens("10/1d per tenant"))
        .hasMessageContaining("principal or runtime");
    assertThatThrownBy(() -> Budget.parseTokens("1.5/1d")).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Budget.parseCost("50/1mo")).hasMessageContaining("50 USD/1mo");
    assertThatThrownBy(() -> Budget.parseCost("50 EUR/1mo")).hasMessageContaining("USD");
    assertThatThrownBy(() -> Budget.parseCost("0.0000001 USD/1d"))
        .hasMessageContaining("at most 6 decimals");
  }

  @Test
  void aDayResetsAtMidnightUtcAndAMonthAtItsFirst() {
    Instant now = Instant.parse("2026-02-14T17:45:12Z");
    BudgetWindow day = BudgetWindow.parse("1d");
    assertThat(day.start(now)).isEqualTo(Instant.parse("2026-02-14T00:00:00Z"));
    assertThat(day.end(day.start(now))).isEqualTo(Instant.parse("2026-02-15T00:00:00Z"));
    BudgetWindow month = BudgetWindow.parse("1mo");
    assertThat(month.start(now)).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(month.end(month.start(now))).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(month.end(Instant.parse("2026-12-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(BudgetWindow.parse("1h").start(now))
        .isEqualTo(Instant.parse("2026-02-14T17:00:00Z"));
  }
}
