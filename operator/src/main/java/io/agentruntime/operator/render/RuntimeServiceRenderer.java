package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;

/**
 * The runtime's Service ({@code <n>}): port 8080 named {@code http} (so Istio treats it as HTTP)
 * for the API, and port 8081 named {@code management} for the metrics Prometheus scrapes.
 */
public final class RuntimeServiceRenderer {

  private RuntimeServiceRenderer() {}

  /** The ClusterIP Service in front of {@code cr}'s runtime pods. */
  public static Service render(AgentRuntime cr) {
    Service service =
        HttpServices.of(
            cr, ResourceNames.runtime(cr), Component.RUNTIME, ResourceNames.RUNTIME_PORT);
    service
        .getSpec()
        .getPorts()
        .add(
            new ServicePortBuilder()
                .withName(ResourceNames.MANAGEMENT_PORT_NAME)
                .withPort(ResourceNames.RUNTIME_MANAGEMENT_PORT)
                .withTargetPort(new IntOrString(ResourceNames.MANAGEMENT_PORT_NAME))
                .withProtocol("TCP")
                .withAppProtocol("http")
                .build());
    return service;
  }
}
