package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The runtime's Service ({@code <n>}, port 8080 named {@code http} so Istio treats it as HTTP). */
public final class RuntimeServiceRenderer {

  private RuntimeServiceRenderer() {}

  /** The ClusterIP Service in front of {@code cr}'s runtime pods. */
  public static Service render(AgentRuntime cr) {
    return new ServiceBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(cr, Component.RUNTIME))
        .addNewPort()
        .withName(ResourceNames.HTTP_PORT_NAME)
        .withPort(ResourceNames.RUNTIME_PORT)
        .withTargetPort(new IntOrString(ResourceNames.HTTP_PORT_NAME))
        .withProtocol("TCP")
        .withAppProtocol("http")
        .endPort()
        .endSpec()
        .build();
  }
}
