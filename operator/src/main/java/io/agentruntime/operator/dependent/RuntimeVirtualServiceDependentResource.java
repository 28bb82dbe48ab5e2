package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ManagedKind;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * The Istio VirtualService {@code <n>}: timeout and retries of the runtime Service.
 *
 * <p>Applied only where Istio is installed ({@link CrdInstalled}) and the spec asks for it ({@link
 * SpecWants}). Owned by the AgentRuntime (garbage-collected with it); the informer sees only
 * objects this operator manages.
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_BY_SELECTOR))
public class RuntimeVirtualServiceDependentResource extends OwnedDependentResource<VirtualService> {

  /** The dependent's name in the workflow. */
  public static final String NAME = "runtime-virtual-service";

  /** Creates the dependent for the reconciler's workflow. */
  public RuntimeVirtualServiceDependentResource() {
    super(VirtualService.class, ManagedKind.RUNTIME_VIRTUAL_SERVICE);
  }
}
