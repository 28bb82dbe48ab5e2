package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.MonitoringSpec;
import java.util.Optional;
import java.util.function.Function;

/**
 * Defaults of {@code spec.monitoring}: where prometheus-operator is installed, a runtime is scraped
 * and alerted on unless its spec opts out, so an absent section means both.
 */
public final class MonitoringDefaults {

  private MonitoringDefaults() {}

  /** Whether a ServiceMonitor scrapes the runtime. */
  public static boolean serviceMonitor(AgentRuntimeSpec spec) {
    return enabled(spec, MonitoringSpec::getServiceMonitor);
  }

  /** Whether a PrometheusRule carries the runtime's alerts. */
  public static boolean alerts(AgentRuntimeSpec spec) {
    return enabled(spec, MonitoringSpec::getAlerts);
  }

  private static boolean enabled(AgentRuntimeSpec spec, Function<MonitoringSpec, Boolean> getter) {
    return Optional.ofNullable(spec.getMonitoring()).map(getter).orElse(true);
  }
}
