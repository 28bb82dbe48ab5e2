package io.agentruntime.contract.config;

import java.util.Locale;

/**
 * How policy rate limits behave when their buckets cannot be read (configuration {@code
 * rateLimits}).
 *
 * @param onStoreError what a request limited by a policy gets while the bucket store fails
 */
public record RateLimitConfig(OnStoreError onStoreError) {

  /** Let requests through while the buckets cannot be read. */
  public static final RateLimitConfig DEFAULT = new RateLimitConfig(OnStoreError.ALLOW);

  /** The answer to a rate-limited request whose bucket cannot be read or written. */
  public enum OnStoreError {
    /** Let the request through: an outage of the table does not become an outage of the service. */
    ALLOW,
    /** Answer 503: the limit matters more than availability. */
    DENY;

    /** The spelling in the configuration file: {@code allow} or {@code deny}. */
    public String displayName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
