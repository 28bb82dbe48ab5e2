package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** How the runtime governs requests: enforcement mode and the Cedar policy store. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GovernanceSpec {

  @JsonPropertyDescription(
      "Enforce blocks denied requests; Audit decides and logs but never "
          + "blocks. Default Enforce.")
  private GovernanceMode mode;

  @JsonPropertyDescription("Where the policy set lives.")
  private GovernanceStoreSpec store;

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("How often the store's policy-set version is checked. Default 10s.")
  private String refreshInterval;

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription(
      "How long the last good policy set is served while the store is "
          + "unreachable; past it requests fail closed with 503. Default 5m.")
  private String maxStaleness;

  public GovernanceMode getMode() {
    return mode;
  }

  public void setMode(GovernanceMode mode) {
    this.mode = mode;
  }

  public GovernanceStoreSpec getStore() {
    return store;
  }

  public void setStore(GovernanceStoreSpec store) {
    this.store = store;
  }

  public String getRefreshInterval() {
    return refreshInterval;
  }

  public void setRefreshInterval(String refreshInterval) {
    this.refreshInterval = refreshInterval;
  }

  public String getMaxStaleness() {
    return maxStaleness;
  }

  public void setMaxStaleness(String maxStaleness) {
    this.maxStaleness = maxStaleness;
  }
}
