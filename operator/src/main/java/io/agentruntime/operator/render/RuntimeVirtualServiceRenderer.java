package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;

/**
 * The Istio VirtualService {@code <n>} of the runtime Service: every HTTP request gets the mesh's
 * overall timeout and retry policy.
 *
 * <p>The default retry conditions never re-send a request the runtime may have processed; a spec
 * that opts into unsafe ones is detected by {@link RetryConditions#mayRepeatProcessedRequests()}.
 */
public final class RuntimeVirtualServiceRenderer {

  private RuntimeVirtualServiceRenderer() {}

  /** The VirtualService of {@code cr}'s runtime Service. */
  public static VirtualService render(AgentRuntime cr, EffectiveSpec spec) {
    MeshSettings mesh = spec.mesh();
    String host = ResourceNames.runtimeHost(cr);
    return new VirtualServiceBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withHosts(host)
        .addNewHttp()
        .withName(ResourceNames.HTTP_PORT_NAME)
        .addNewRoute()
        .withNewDestination()
        .withHost(host)
        .withNewPort()
        .withNumber((long) ResourceNames.RUNTIME_PORT)
        .endPort()
        .endDestination()
        .endRoute()
        .withTimeout(mesh.timeout())
        .withNewRetries()
        .withAttempts(mesh.retryAttempts())
        .withPerTryTimeout(mesh.perTryTimeout())
        .withRetryOn(mesh.retryOn().retryOn())
        .endRetries()
        .endHttp()
        .endSpec()
        .build();
  }
}
