package io.agentruntime.runtime.ratelimit;

import io.agentruntime.governance.RateLimit;

/** A policy's bucket is empty: the request is answered 429 with {@code Retry-After}. */
public final class RateLimitedException extends RuntimeException {

  private final long retryAfterSeconds;

  public RateLimitedException(String policyId, RateLimit limit, long retryAfterSeconds) {
    super(
        "rate limit of policy '" + policyId + "' (" + limit + ") is exhausted", null, false, false);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds until the bucket holds a token again, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
