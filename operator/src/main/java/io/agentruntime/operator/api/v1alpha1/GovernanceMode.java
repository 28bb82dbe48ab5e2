package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether governance decisions block requests. */
public enum GovernanceMode {
  /** Denied requests are refused with 403. */
  ENFORCE("Enforce"),

  /** Decisions are logged, never enforced. */
  AUDIT("Audit");

  private final String value;

  GovernanceMode(String value) {
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
