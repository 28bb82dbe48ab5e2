package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/**
 * The ClusterIP Services in front of an AgentRuntime's pods: one port named {@code http} (so Istio
 * treats it as HTTP), targeting the container port of the same name.
 */
final class HttpServices {

  private HttpServices() {}

  /** The Service {@code name} selecting the pods of {@code component}, on {@code port}. */
  static Service of(AgentRuntime cr, String name, Component component, int port) {
    return new ServiceBuilder()
        .withMetadata(RenderedMetadata.of(cr, name, component))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(cr, component))
        .addNewPort()
        .withName(ResourceNames.HTTP_PORT_NAME)
        .withPort(port)
        .withTargetPort(new IntOrString(ResourceNames.HTTP_PORT_NAME))
        .withProtocol("TCP")
        .withAppProtocol("http")
        .endPort()
        .endSpec()
        .build();
  }
}
