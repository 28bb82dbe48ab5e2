package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who shares a rate limit's token bucket. */
public enum RateLimitKey {
  /** One bucket per calling principal. */
  PRINCIPAL("principal"),

  /** One bucket for every caller of the runtime. */
  RUNTIME("runtime");

  private final String value;

  RateLimitKey(String value) {
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
