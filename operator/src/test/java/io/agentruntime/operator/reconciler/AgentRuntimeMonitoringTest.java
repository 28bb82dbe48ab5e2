package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AlertThresholds;
import io.agentruntime.operator.api.v1alpha1.MonitoringSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * The ServiceMonitor and PrometheusRule against fabric8's mock API server (CRUD mode), on clusters
 * with and without prometheus-operator's CRDs.
 */
class AgentRuntimeMonitoringTest {

  private static final String NAMESPACE = "observed";

  @Test
  void withPrometheusOperatorTheMonitorAndAlertsFollowTheSpec() {
    try (MockCluster cluster = MockCluster.with(AddOn.PROMETHEUS_OPERATOR)) {
      var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "watched"));

      var monitor =
          eventually().until(() -> get(cluster, ServiceMonitor.class, "watched"), Objects::nonNull);
      var rule =
          eventually().until(() -> get(cluster, PrometheusRule.class, "watched"), Objects::nonNull);
      ManagedObjects.assertManagedAndOwnedBy(monitor, cr);
      ManagedObjects.assertManagedAndOwnedBy(rule, cr);
      assertThat(firstExpression(rule)).endsWith("> 0.75");

      cluster.editSpec(
          NAMESPACE,
          "watched",
          spec -> {
            var thresholds = new AlertThresholds();
            thresholds.setLatencyP95WarningMs(300);
            var monitoring = new MonitoringSpec();
            monitoring.setThresholds(thresholds);
            monitoring.setServiceMonitor(false);
            spec.setMonitoring(monitoring);
          });

      eventually()
          .untilAsserted(
              () ->
                  assertThat(firstExpression(get(cluster, PrometheusRule.class, "watched")))
                      .endsWith("> 0.3"));
      eventually().until(() -> get(cluster, ServiceMonitor.class, "watched") == null);

      cluster.editSpec(NAMESPACE, "watched", spec -> spec.getMonitoring().setAlerts(false));
      eventually().until(() -> get(cluster, PrometheusRule.class, "watched") == null);
      assertThat(get(cluster, Deployment.class, "watched")).as("the runtime stays").isNotNull();
    }
  }

  @Test
  void withoutPrometheusOperatorNothingIsMonitoredAndTheRuntimeIsApplied()
      throws InterruptedException {
    try (MockCluster cluster = MockCluster.start()) {
      cluster.create(AgentRuntimes.valid(NAMESPACE, "unwatched"));

      eventually().until(() -> get(cluster, Deployment.class, "unwatched"), Objects::nonNull);
      eventually()
          .until(
              () -> cluster.get(NAMESPACE, "unwatched").getStatus(),
              status -> status != null && status.getPhase() == AgentRuntimePhase.PROGRESSING);
      assertThat(cluster.takeWriteRequests())
          .isNotEmpty()
          .noneMatch(write -> write.contains("monitoring.coreos.com"));
      assertThat(cluster.operator.health().ready()).as("the operator stays healthy").isTrue();
    }
  }

  private static String firstExpression(PrometheusRule rule) {
    var group = (Map<?, ?>) ((List<?>) rule.getSpec().get("groups")).getFirst();
    var first = (Map<?, ?>) ((List<?>) group.get("rules")).getFirst();
    return (String) first.get("expr");
  }

  private static <T extends HasMetadata> T get(MockCluster cluster, Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }
}
