package io.agentruntime.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEachDocumentedUnit() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("10s")).contains(Duration.ofSeconds(10));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).contains(Duration.ofHours(1));
  }

  @Test
  void rejectsWhatTheRuntimeWouldReject() {
    assertThat(Durations.parse("10")).isEmpty();
    assertThat(Durations.parse("1h30m")).isEmpty();
    assertThat(Durations.parse("-5s")).isEmpty();
    assertThat(Durations.parse("PT5S")).isEmpty();
    assertThat(Durations.parse(null)).isEmpty();
  }
}
