package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The model servers' Service {@code <n>-inference}, which the runtime's inference intents call.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceServiceDependentResource extends OwnedDependentResource<Service> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-service";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceServiceDependentResource() {
    super(Service.class, ManagedKind.INFERENCE_SERVICE);
  }
}
