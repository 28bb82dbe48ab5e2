package io.agentruntime.governance;

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

  @Test
  void formatsInTheLargestExactUnitAndParsesBack() {
    assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("1m");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    for (String text : new String[] {"250ms", "10s", "5m", "1h", "0s"}) {
      assertThat(Durations.parse(text).map(Durations::format)).contains(text);
    }
  }
}
