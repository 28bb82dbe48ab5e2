package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Service;

/** The model servers' Service ({@code <n>-inference}, port 8000): what the runtime calls. */
public final class InferenceServiceRenderer {

  private InferenceServiceRenderer() {}

  /** The ClusterIP Service in front of {@code cr}'s model servers. */
  public static Service render(AgentRuntime cr) {
    return HttpServices.of(
        cr, ResourceNames.inference(cr), Component.INFERENCE, ResourceNames.INFERENCE_PORT);
  }
}
