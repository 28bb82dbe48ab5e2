package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Summary of an AgentRuntime's state. */
public enum AgentRuntimePhase implements ResourceValue {
  /** Accepted, nothing applied yet. */
  @JsonProperty("Pending")
  PENDING,

  /** Objects applied, pods rolling out. */
  @JsonProperty("Progressing")
  PROGRESSING,

  /** Every component is available. */
  @JsonProperty("Ready")
  READY,

  /** Applied, but a component is unavailable. */
  @JsonProperty("Degraded")
  DEGRADED,

  /** The spec is invalid; nothing was changed. */
  @JsonProperty("Invalid")
  INVALID;
}
