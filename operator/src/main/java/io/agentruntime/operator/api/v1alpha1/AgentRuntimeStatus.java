package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.ConditionsSchema;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** The observed state of an {@link AgentRuntime}, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaMergePatch.class, input = ConditionsSchema.PATCH)
public class AgentRuntimeStatus {

  @JsonPropertyDescription("The spec generation this status describes.")
  private Long observedGeneration;

  @PrinterColumn(name = "Phase")
  @JsonPropertyDescription("Pending, Progressing, Ready, Degraded or Invalid.")
  private AgentRuntimePhase phase;

  @JsonPropertyDescription("Runtime pods that exist.")
  private Integer replicas;

  @PrinterColumn(name = "Ready")
  @JsonPropertyDescription("Runtime pods that are ready.")
  private Integer readyReplicas;

  @PrinterColumn(name = "Endpoint", priority = 1)
  @Size(max = 512)
  @JsonPropertyDescription(
      "URL callers dispatch to, e.g. http://support.agents.svc.cluster.local:8080/dispatch.")
  private String endpoint;

  @JsonPropertyDescription("Version of the policy set the runtime serves.")
  private Long policySetVersion;

  @JsonPropertyDescription(
      "The queue of long-running dispatches the operator created (spec.async.queue.create).")
  private AsyncStatus async;

  @JsonPropertyDescription(
      "Kubernetes conditions: Valid, Available, MeshConfigured, MonitoringConfigured, "
          + "InferenceReady, AsyncReady, GovernanceSynced, Ready.")
  private List<Condition> conditions;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public AgentRuntimePhase getPhase() {
    return phase;
  }

  public void setPhase(AgentRuntimePhase phase) {
    this.phase = phase;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Long getPolicySetVersion() {
    return policySetVersion;
  }

  public void setPolicySetVersion(Long policySetVersion) {
    this.policySetVersion = policySetVersion;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public AsyncStatus getAsync() {
    return async;
  }

  public void setAsync(AsyncStatus async) {
    this.async = async;
  }
}
