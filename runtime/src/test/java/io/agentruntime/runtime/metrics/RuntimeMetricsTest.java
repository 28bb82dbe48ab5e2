package io.agentruntime.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeMetricsTest {

  @Test
  void thePolicySetGaugesKeepReportingAfterAGarbageCollection() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(Map.of())) {
      bind(metrics, 7, 42.5);

      System.gc();

      assertThat(metrics.scrape())
          .contains("agent_policy_set_version 7.0")
          .contains("agent_policy_set_age_seconds 42.5");
    }
  }

  /** Binds suppliers nothing but the registry holds on to, as the runtime's wiring does. */
  private static void bind(RuntimeMetrics metrics, double version, double age) {
    metrics.bindPolicySet(() -> version, () -> age);
  }
}
