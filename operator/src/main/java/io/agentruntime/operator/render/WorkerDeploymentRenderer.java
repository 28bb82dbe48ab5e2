package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * The workers' Deployment ({@code <n>-worker}): the runtime's image and ConfigMap in the worker
 * role ({@code agent-runtime worker --config ...}), which serves only the management port. Like the
 * runtime's, it never sets {@code spec.replicas}: its autoscaler owns the count.
 */
public final class WorkerDeploymentRenderer {

  /** The command of the runtime's image that runs queued dispatches. */
  public static final String WORKER_COMMAND = "worker";

  private WorkerDeploymentRenderer() {}

  /** The Deployment of {@code cr}'s workers. */
  public static Deployment render(AgentRuntime cr, EffectiveSpec spec) {
    return RuntimeDeploymentRenderer.render(
        cr,
        spec,
        new RuntimeDeploymentRenderer.PodRole(
            ResourceNames.worker(cr),
            Component.WORKER,
            List.of(WORKER_COMMAND),
            false,
            spec.asyncSettings().resources()));
  }
}
