package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

/** The model servers' Service ({@code <n>-inference}, port 8000): what the runtime calls. */
public final class InferenceServiceRenderer {

  private InferenceServiceRenderer() {}

  /** The ClusterIP Service in front of {@code cr}'s model servers. */
  public static Service render(AgentRuntime cr) {
    return new ServiceBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(cr, Component.INFERENCE))
        .addNewPort()
        .withName(ResourceNames.HTTP_PORT_NAME)
        .withPort(ResourceNames.INFERENCE_PORT)
        .withTargetPort(new IntOrString(ResourceNames.HTTP_PORT_NAME))
        .withProtocol("TCP")
        .withAppProtocol("http")
        .endPort()
        .endSpec()
        .build();
  }
}
