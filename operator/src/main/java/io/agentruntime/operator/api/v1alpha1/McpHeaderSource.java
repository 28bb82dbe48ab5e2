package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where an MCP header's value comes from: for now, only a Secret's key. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class McpHeaderSource {

  @Required
  @JsonPropertyDescription(
      "A key of a Secret in the AgentRuntime's namespace. The Secret must exist: until it does,"
          + " the runtime's new pods wait in ContainerCreating.")
  private SecretKeyRef secretKeyRef;

  public SecretKeyRef getSecretKeyRef() {
    return secretKeyRef;
  }

  public void setSecretKeyRef(SecretKeyRef secretKeyRef) {
    this.secretKeyRef = secretKeyRef;
  }
}
