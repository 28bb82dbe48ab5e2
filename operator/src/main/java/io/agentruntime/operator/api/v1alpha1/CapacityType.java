package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** EC2 purchase option of GPU nodes. */
public enum CapacityType {
  /** On-demand instances. */
  ON_DEMAND("on-demand"),

  /** Spot instances; may be reclaimed. */
  SPOT("spot");

  private final String value;

  CapacityType(String value) {
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
