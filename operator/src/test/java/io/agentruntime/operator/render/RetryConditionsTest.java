package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryConditionsTest {

  @Test
  void theDefaultConditionsNeverRepeatAProcessedRequest() {
    RetryConditions defaults = RetryConditions.parse(AgentRuntimeDefaults.RETRY_ON);

    assertThat(defaults.conditions()).hasSize(4);
    assertThat(defaults.unsafe()).isEmpty();
    assertThat(defaults.mayRepeatProcessedRequests()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5xx",
        "gateway-error",
        "reset",
        "retriable-4xx",
        "retriable-status-codes",
        "retriable-headers",
        "503",
        "deadline-exceeded",
        "some-future-condition"
      })
  void aConditionRaisedAfterTheRuntimeSawTheRequestIsUnsafe(String condition) {
    RetryConditions conditions = RetryConditions.parse("connect-failure," + condition);

    assertThat(conditions.unsafe()).containsExactly(condition);
    assertThat(conditions.mayRepeatProcessedRequests()).isTrue();
  }

  @Test
  void toleratesBlanksAroundAndBetweenConditions() {
    RetryConditions conditions = RetryConditions.parse(" refused-stream ,, 5xx ");

    assertThat(conditions.retryOn()).isEqualTo("refused-stream,5xx");
    assertThat(conditions.unsafe()).containsExactly("5xx");
  }
}
