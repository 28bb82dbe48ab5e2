package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** GovernancePolicy fixtures as users write them. */
final class GovernancePolicies {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private GovernancePolicies() {}

  /** A policy for {@code runtime} with {@code cedar}, the default mode and no rate limit. */
  static GovernancePolicy of(String namespace, String name, String runtime, String cedar) {
    return withSpec(namespace, name, "runtime: " + runtime + "\ncedar: |\n" + cedar.indent(2));
  }

  /** A policy whose spec is {@code specYaml}, written as directly under {@code spec:}. */
  static GovernancePolicy withSpec(String namespace, String name, String specYaml) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: agentruntime.io/v1alpha1
        kind: GovernancePolicy
        metadata:
          name: %s
          namespace: %s
        spec:
        """
                .formatted(name, namespace)
            + specYaml.indent(2),
        GovernancePolicy.class);
  }
}
