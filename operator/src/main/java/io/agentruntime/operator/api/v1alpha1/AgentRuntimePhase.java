package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Summary of an AgentRuntime's state. */
public enum AgentRuntimePhase {
  /** Accepted, nothing applied yet. */
  PENDING("Pending"),

  /** Objects applied, pods rolling out. */
  PROGRESSING("Progressing"),

  /** Every component is available. */
  READY("Ready"),

  /** Applied, but a component is unavailable. */
  DEGRADED("Degraded"),

  /** The spec is invalid; nothing was changed. */
  INVALID("Invalid");

  private final String value;

  AgentRuntimePhase(String value) {
    this.value = value;
  }

  /** The value as written in the resource. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
