package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.InferenceNetworkPolicyRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The model servers' NetworkPolicy {@code <n>-inference}: only the runtime's pods (and Prometheus)
 * may connect to them.
 *
 * <p>Owned by the AgentRuntime (garbage-collected with it); the informer sees only objects this
 * operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class InferenceNetworkPolicyDependentResource extends OwnedDependentResource<NetworkPolicy> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "inference-network-policy";

  /** Creates the dependent for the reconciler's workflow. */
  public InferenceNetworkPolicyDependentResource() {
    super(NetworkPolicy.class);
  }

  /**
   * The object's name without rendering it: JOSDK looks it up to delete it once the spec drops the
   * inference section, when there is nothing to render.
   */
  @Override
  protected ResourceID targetSecondaryResourceID(AgentRuntime cr, Context<AgentRuntime> context) {
    return new ResourceID(ResourceNames.inference(cr), cr.getMetadata().getNamespace());
  }

  @Override
  protected NetworkPolicy desired(AgentRuntime cr, Context<AgentRuntime> context) {
    return InferenceNetworkPolicyRenderer.render(cr);
  }
}
