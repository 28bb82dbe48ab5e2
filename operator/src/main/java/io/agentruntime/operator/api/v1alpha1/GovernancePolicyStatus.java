package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.ConditionsSchema;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** The observed state of a {@link GovernancePolicy}, written by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = SchemaMergePatch.class, input = ConditionsSchema.PATCH)
public class GovernancePolicyStatus {

  /** The spec generation this status describes. */
  @JsonPropertyDescription("The spec generation this status describes.")
  private Long observedGeneration;

  /** The version of the policy set after this policy was last written there. */
  @PrinterColumn(name = "Version")
  @JsonPropertyDescription(
      "Version of the runtime's policy set that holds this policy as specified.")
  private Long policySetVersion;

  /** Where the policy was last written, so that it can be removed from there. */
  @JsonPropertyDescription(
      "Where the policy was last written; the operator removes it from there when the policy"
          + " is deleted or moves to another runtime or table.")
  private PolicySetLocation syncedTo;

  /** Kubernetes conditions: Valid and Synced. */
  @JsonPropertyDescription(
      "Kubernetes conditions: Valid (the spec passed validation) and Synced (the policy is in"
          + " the runtime's policy set).")
  private List<Condition> conditions;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Long getPolicySetVersion() {
    return policySetVersion;
  }

  public void setPolicySetVersion(Long policySetVersion) {
    this.policySetVersion = policySetVersion;
  }

  public PolicySetLocation getSyncedTo() {
    return syncedTo;
  }

  public void setSyncedTo(PolicySetLocation syncedTo) {
    this.syncedTo = syncedTo;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
