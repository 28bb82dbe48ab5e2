package io.agentruntime.contract.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuntimeMeterTest {

  private static final Path API_DOC = Path.of("..", "docs", "api.md");

  /** A row of the metrics table: {@code | `name` | type | labels |}. */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `(agent_[a-z_]+)` \\| ([^|]+)\\|");

  @Test
  void prometheusNamesFollowMicrometersSuffixes() {
    assertThat(RuntimeMeter.DISPATCH_REQUESTS.prometheusName())
        .isEqualTo("agent_dispatch_requests_total");
    assertThat(RuntimeMeter.DISPATCH_DURATION.prometheusName())
        .isEqualTo("agent_dispatch_duration_seconds");
    assertThat(RuntimeMeter.DISPATCH_DURATION.histogramSeries("bucket"))
        .isEqualTo("agent_dispatch_duration_seconds_bucket");
    assertThat(RuntimeMeter.POLICY_SET_AGE.prometheusName())
        .isEqualTo("agent_policy_set_age_seconds");
    assertThat(RuntimeMeter.IDEMPOTENCY_MEMORY.prometheusName())
        .isEqualTo("agent_idempotency_memory_bytes");
    assertThat(RuntimeMeter.BACKEND_IN_FLIGHT.prometheusName())
        .isEqualTo("agent_backend_in_flight");
    assertThatThrownBy(() -> RuntimeMeter.DISPATCH_REQUESTS.histogramSeries("bucket"))
        .isInstanceOf(IllegalStateException.class);
  }

  /** The metrics table of docs/api.md lists every meter, each once, with its kind. */
  @Test
  void theApiDocumentsExactlyTheseMeters() throws IOException {
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(API_DOC)) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        assertThat(documented.put(row.group(1), row.group(2).strip())).as(row.group(1)).isNull();
      }
    }

    assertThat(documented.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RuntimeMeter.values())
                .map(RuntimeMeter::prometheusName)
                .collect(Collectors.toList()));
    for (RuntimeMeter meter : RuntimeMeter.values()) {
      String type = documented.get(meter.prometheusName());
      String expected =
          switch (meter.kind()) {
            case TIMER -> "histogram";
            case COUNTER -> "counter";
            case GAUGE, GAUGE_SECONDS, GAUGE_BYTES -> "gauge";
          };
      assertThat(type).as(meter.prometheusName()).startsWith(expected);
    }
  }
}
