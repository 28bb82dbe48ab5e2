package io.agentruntime.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuntimeMetricsTest {

  private static final List<IntentConfig> INTENTS =
      List.of(
          new IntentConfig("call_reasoning", Duration.ofSeconds(30), new BackendConfig.Echo()),
          new IntentConfig("export", Duration.ofSeconds(30), new BackendConfig.Echo()));

  @Test
  void thePolicySetGaugesKeepReportingAfterAGarbageCollection() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(List.of())) {
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

  @Test
  void rateLimitCountersExistOnceAPolicySetIsInstalledBeforeAnyCheck() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(INTENTS)) {
      metrics.prepareRateLimits(Set.of("per-user"));

      assertThat(metrics.scrape())
          .contains(
              "agent_rate_limit_decisions_total{intent=\"call_reasoning\",outcome=\"granted\","
                  + "policy=\"per-user\"} 0.0",
              "agent_rate_limit_decisions_total{intent=\"export\",outcome=\"store_error\","
                  + "policy=\"per-user\"} 0.0");
    }
  }

  @Test
  void aCheckIncrementsThePreparedCounter() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(INTENTS)) {
      metrics.prepareRateLimits(Set.of("per-user"));

      metrics.intent("export").recordRateLimit("per-user", RateLimitOutcome.LIMITED);
      metrics.intent("export").recordRateLimit("per-user", RateLimitOutcome.LIMITED);

      assertThat(metrics.scrape())
          .contains(
              "agent_rate_limit_decisions_total{intent=\"export\",outcome=\"limited\","
                  + "policy=\"per-user\"} 2.0");
    }
  }

  @Test
  void anUnconfiguredIntentSharesTheUnknownLabel() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(INTENTS)) {
      assertThat(metrics.intent("no_such_intent")).isSameAs(metrics.unknownIntent());
      assertThat(metrics.intent(null)).isSameAs(metrics.unknownIntent());
      assertThat(metrics.intent("export")).isNotSameAs(metrics.unknownIntent());
    }
  }
}
