package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** EC2 purchase option of GPU nodes. */
public enum CapacityType implements ResourceValue {
  /** On-demand instances. */
  @JsonProperty("on-demand")
  ON_DEMAND,

  /** Spot instances; may be reclaimed. */
  @JsonProperty("spot")
  SPOT;
}
