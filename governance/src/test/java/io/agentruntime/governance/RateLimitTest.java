package io.agentruntime.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void theCompactFormReadsRequestsPeriodAndKey() {
    assertThat(RateLimit.parse("600/1m"))
        .isEqualTo(new RateLimit(600, Duration.ofMinutes(1), RateLimit.Key.PRINCIPAL));
    assertThat(RateLimit.parse(" 20/1s per Runtime "))
        .isEqualTo(new RateLimit(20, Duration.ofSeconds(1), RateLimit.Key.RUNTIME));
  }

  @Test
  void printsWhatItParses() {
    for (String text :
        new String[] {"600/1m per principal", "1/24h per runtime", "5/90s per principal"}) {
      assertThat(RateLimit.parse(text)).hasToString(text);
    }
  }

  @Test
  void rejectsLimitsThatCannotWork() {
    assertThatThrownBy(() -> RateLimit.parse("0/1m")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> RateLimit.parse("10/500ms"))
        .hasMessageContaining("between 1s and 24h");
    assertThatThrownBy(() -> RateLimit.parse("10/25h")).hasMessageContaining("between 1s and 24h");
    assertThatThrownBy(() -> RateLimit.parse("10/1m per tenant"))
        .hasMessageContaining("principal or runtime")
        .hasMessageContaining("'tenant'");
    assertThatThrownBy(() -> RateLimit.parse("ten/1m")).hasMessageContaining("600/1m");
    assertThatThrownBy(() -> RateLimit.parse("10/1 minute")).hasMessageContaining("600/1m");
    assertThatThrownBy(() -> RateLimit.parse("10/1d")).hasMessageContaining("invalid period '1d'");
  }
}
