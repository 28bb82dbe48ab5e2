package io.agentruntime.operator.dependent;

import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.MonitoringDefaults;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the ServiceMonitor: {@code spec.monitoring.serviceMonitor} is not
 * false. When that stops being true the ServiceMonitor is deleted.
 */
public final class ServiceMonitorRequested implements Condition<ServiceMonitor, AgentRuntime> {

  @Override
  public boolean isMet(
      DependentResource<ServiceMonitor, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return MonitoringDefaults.serviceMonitor(primary.getSpec());
  }
}
