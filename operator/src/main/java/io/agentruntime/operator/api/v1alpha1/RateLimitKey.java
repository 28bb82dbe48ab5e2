package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;
import io.agentruntime.governance.RateLimit;

/** Who shares a rate limit's token bucket. */
public enum RateLimitKey implements ResourceValue {
  /** One bucket per calling principal. */
  PRINCIPAL(RateLimit.Key.PRINCIPAL),

  /** One bucket for every caller of the runtime. */
  RUNTIME(RateLimit.Key.RUNTIME);

  /** Who shares a bucket when the spec does not say. */
  public static final RateLimitKey DEFAULT = PRINCIPAL;

  private final RateLimit.Key key;

  RateLimitKey(RateLimit.Key key) {
    this.key = key;
  }

  /** The value as written in the resource: the governance engine's name of the key. */
  @Override
  @JsonValue
  public String value() {
    return key.displayName();
  }

  /** The governance engine's key. */
  public RateLimit.Key rateLimitKey() {
    return key;
  }

  /** The governance engine's key of {@code key}; absent means {@link #DEFAULT}. */
  public static RateLimit.Key toGovernance(RateLimitKey key) {
    return (key == null ? DEFAULT : key).rateLimitKey();
  }
}
