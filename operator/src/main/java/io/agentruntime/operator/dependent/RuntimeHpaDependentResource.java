package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The runtime's autoscaling/v2 HorizontalPodAutoscaler {@code <n>}.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeHpaDependentResource extends OwnedDependentResource<HorizontalPodAutoscaler> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-hpa";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeHpaDependentResource() {
    super(HorizontalPodAutoscaler.class, ManagedKind.RUNTIME_HPA);
  }
}
