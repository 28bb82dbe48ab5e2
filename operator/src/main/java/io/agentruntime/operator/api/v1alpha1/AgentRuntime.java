package io.agentruntime.operator.api.v1alpha1;

import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A governed agent service: the runtime pods, their configuration and, optionally, a GPU inference
 * pool, mesh policies, multi-region failover and monitoring.
 */
@Group(AgentRuntime.GROUP)
@Version(AgentRuntime.VERSION)
@ShortNames("art")
@SchemaCustomizer(value = SchemaMergePatch.class, input = "{\"required\": [\"spec\"]}")
public class AgentRuntime extends CustomResource<AgentRuntimeSpec, AgentRuntimeStatus>
    implements Namespaced {

  /** The API group of every agentruntime.io resource. */
  public static final String GROUP = "agentruntime.io";

  /** The served and stored version. */
  public static final String VERSION = "v1alpha1";
}
