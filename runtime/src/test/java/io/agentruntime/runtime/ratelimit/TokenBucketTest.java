package io.agentruntime.runtime.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bucket arithmetic on a hand-driven clock (epoch milliseconds), so no test waits. */
class TokenBucketTest {

  private static final RateLimit SIX_PER_MINUTE = RateLimit.parse("6/1m");
  private static final long T0 = 1_700_000_000_000L;

  @Test
  void aNewBucketGrantsExactlyItsCapacity() {
    TokenBucket bucket = TokenBucket.full(SIX_PER_MINUTE, T0);
    int granted = 0;
    while (bucket.hasToken()) {
      bucket = bucket.taken();
      granted++;
    }
    assertThat(granted).isEqualTo(6);
  }

  @Test
  void tokensComeBackAtRequestsPerPeriod() {
    TokenBucket empty = new TokenBucket(0, T0);

    assertThat(empty.refilled(SIX_PER_MINUTE, T0 + 9_999).hasToken()).isFalse();
    assertThat(empty.refilled(SIX_PER_MINUTE, T0 + 10_000).hasToken()).isTrue();
    assertThat(empty.refilled(SIX_PER_MINUTE, T0 + 30_000).tokens()).isEqualTo(3.0);
  }

  @Test
  void refillStopsAtCapacity() {
    TokenBucket refilled = new TokenBucket(0, T0).refilled(SIX_PER_MINUTE, T0 + 3_600_000);

    assertThat(refilled.tokens()).isEqualTo(6.0);
    assertThat(refilled.refilledAtMillis()).isEqualTo(T0 + 3_600_000);
  }

  @Test
  void aClockBehindTheLastRefillAddsNothing() {
    TokenBucket bucket = new TokenBucket(2.5, T0);

    assertThat(bucket.refilled(SIX_PER_MINUTE, T0 - 5_000)).isEqualTo(bucket);
  }

  @Test
  void retryAfterIsTheWholeSecondsUntilTheNextToken() {
    assertThat(new TokenBucket(0, T0).secondsUntilToken(SIX_PER_MINUTE)).isEqualTo(10);
    assertThat(new TokenBucket(0.95, T0).secondsUntilToken(SIX_PER_MINUTE)).isEqualTo(1);
    assertThat(new TokenBucket(0, T0).secondsUntilToken(RateLimit.parse("40/1h"))).isEqualTo(90);
    assertThat(
            new TokenBucket(0.99, T0)
                .secondsUntilToken(
                    new RateLimit(1000, Duration.ofSeconds(1), RateLimit.Key.PRINCIPAL)))
        .isEqualTo(1);
  }
}
