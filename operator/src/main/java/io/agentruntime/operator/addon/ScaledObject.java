package io.agentruntime.operator.addon;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.LinkedHashMap;
import java.util.Map;

/** KEDA's ScaledObject (keda.sh/v1alpha1). */
@Group("keda.sh")
@Version("v1alpha1")
@Kind("ScaledObject")
@Plural("scaledobjects")
public class ScaledObject extends CustomResource<Map<String, Object>, KubernetesResource>
    implements Namespaced {

  @Override
  protected Map<String, Object> initSpec() {
    return new LinkedHashMap<>();
  }

  @Override
  protected KubernetesResource initStatus() {
    return null;
  }
}
