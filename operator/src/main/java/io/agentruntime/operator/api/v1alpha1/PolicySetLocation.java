package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A policy set in a DynamoDB table: where a GovernancePolicy was written. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PolicySetLocation {

  @Size(max = 255)
  /** The DynamoDB table. */
  @JsonPropertyDescription("The DynamoDB table.")
  private String table;

  @Size(max = 32)
  /** The AWS region of the table. */
  @JsonPropertyDescription("The AWS region of the table.")
  private String region;

  @Size(max = 127)
  /** The policy set, {@code <namespace>/<runtime>}. */
  @JsonPropertyDescription("The policy set, <namespace>/<runtime>.")
  private String policySet;

  /** An empty location, for deserialization. */
  public PolicySetLocation() {}

  /** A location with every field set. */
  public PolicySetLocation(String table, String region, String policySet) {
    this.table = table;
    this.region = region;
    this.policySet = policySet;
  }

  public String getTable() {
    return table;
  }

  public void setTable(String table) {
    this.table = table;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getPolicySet() {
    return policySet;
  }

  public void setPolicySet(String policySet) {
    this.policySet = policySet;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PolicySetLocation that
        && Objects.equals(table, that.table)
        && Objects.equals(region, that.region)
        && Objects.equals(policySet, that.policySet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(table, region, policySet);
  }
}
