package io.agentruntime.runtime.config;

/**
 * How policy rate limits behave when their buckets cannot be read (configuration {@code
 * rateLimits}).
 *
 * @param onStoreError what a request limited by a policy gets while the bucket store fails
 */
public record RateLimitConfig(OnStoreError onStoreError) {

  /** The answer to a rate-limited request whose bucket cannot be read or written. */
  public enum OnStoreError {
    /** Let the request through: an outage of the table does not become an outage of the service. */
    ALLOW,
    /** Answer 503: the limit matters more than availability. */
    DENY
  }
}
