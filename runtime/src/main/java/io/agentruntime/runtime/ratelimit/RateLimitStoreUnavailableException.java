package io.agentruntime.runtime.ratelimit;

/**
 * A rate-limited request whose bucket could not be checked, with {@code rateLimits.onStoreError:
 * deny}: answered 503, nothing was dispatched.
 */
public final class RateLimitStoreUnavailableException extends RuntimeException {
  public RateLimitStoreUnavailableException(String policyId) {
    super(
        "the rate limit of policy '"
            + policyId
            + "' cannot be checked now (rateLimits.onStoreError is deny)",
        null,
        false,
        false);
  }
}
