package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

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
    super(NetworkPolicy.class, ManagedKind.INFERENCE_NETWORK_POLICY);
  }
}
