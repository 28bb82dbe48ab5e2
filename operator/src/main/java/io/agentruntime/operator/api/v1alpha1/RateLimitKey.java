package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;
import io.agentruntime.governance.RateLimit;

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

  /** The key as the policy store spells it; absent means per principal. */
  public static RateLimit.Key toGovernance(RateLimitKey key) {
    return key == RUNTIME ? RateLimit.Key.RUNTIME : RateLimit.Key.PRINCIPAL;
  }

  @Override
  public String toString() {
    return value;
  }
}
