package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a new model-server version replaces the old pods. */
public enum InferenceUpgrade {
  /** Start new pods before stopping old ones; needs spare GPUs. */
  SURGE("Surge"),

  /** Stop old pods first; brief outage, no spare GPU needed. */
  RECREATE("Recreate"),

  /** Surge when the node pool has spare GPUs, otherwise recreate. */
  AUTO("Auto");

  private final String value;

  InferenceUpgrade(String value) {
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
