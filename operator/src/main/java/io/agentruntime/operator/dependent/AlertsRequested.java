package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.MonitoringDefaults;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the PrometheusRule: {@code spec.monitoring.alerts} is not false. When
 * that stops being true the PrometheusRule is deleted.
 */
public final class AlertsRequested implements Condition<PrometheusRule, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<PrometheusRule, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return MonitoringDefaults.alerts(primary.getSpec());
  }
}
