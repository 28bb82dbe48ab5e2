package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/** Karpenter's cluster-scoped NodePool (karpenter.sh/v1). */
@Group("karpenter.sh")
@Version("v1")
@Kind("NodePool")
@Plural("nodepools")
public class NodePool extends CustomResource<Map<String, Object>, KubernetesResource> {

  @Override
  protected Map<String, Object> initSpec() {
    return new LinkedHashMap<>();
  }

  @Override
  protected KubernetesResource initStatus() {
    return null;
  }
}
