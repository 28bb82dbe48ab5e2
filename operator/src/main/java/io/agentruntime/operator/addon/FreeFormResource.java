package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An add-on's kind as the operator writes it: a spec kept as an ordered map (the {@code render}
 * package builds it field by field) and a status it never reads.
 */
public abstract class FreeFormResource
    extends CustomResource<Map<String, Object>, KubernetesResource> {

  @Override
  protected Map<String, Object> initSpec() {
    return new LinkedHashMap<>();
  }

  @Override
  protected KubernetesResource initStatus() {
    return null;
  }
}
