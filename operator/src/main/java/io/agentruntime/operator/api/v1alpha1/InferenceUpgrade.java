package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a new model-server version replaces the old pods. */
public enum InferenceUpgrade implements ResourceValue {
  /** Start new pods before stopping old ones; needs spare GPUs. */
  @JsonProperty("Surge")
  SURGE,

  /** Stop old pods first; brief outage, no spare GPU needed. */
  @JsonProperty("Recreate")
  RECREATE,

  /** Surge when the node pool has spare GPUs, otherwise recreate. */
  @JsonProperty("Auto")
  AUTO;
}
