package io.agentruntime.runtime.ratelimit;

import io.agentruntime.governance.RateLimit;

/**
 * The state of one rate limit bucket: pure arithmetic, kept by a {@link RateLimitStore}. A bucket
 * holds at most {@code requests} tokens and refills continuously at {@code requests / per}; each
 * request takes one.
 *
 * @param tokens tokens left, fractional while refilling
 * @param refilledAtMillis when {@code tokens} was last brought up to date, epoch milliseconds
 */
public record TokenBucket(double tokens, long refilledAtMillis) {

  /** A bucket nobody has used yet: full. */
  public static TokenBucket full(RateLimit limit, long nowMillis) {
    return new TokenBucket(limit.requests(), nowMillis);
  }

  /**
   * This bucket at {@code nowMillis}: topped up for the time since {@link #refilledAtMillis}, never
   * above capacity. A clock behind {@code refilledAtMillis} (another pod's) adds nothing rather
   * than moving time backwards.
   */
  public TokenBucket refilled(RateLimit limit, long nowMillis) {
    long elapsed = nowMillis - refilledAtMillis;
    if (elapsed <= 0) {
      return tokens <= limit.requests()
          ? this
          : new TokenBucket(limit.requests(), refilledAtMillis);
    }
    double topped = Math.min(limit.requests(), tokens + elapsed * tokensPerMilli(limit));
    return new TokenBucket(topped, nowMillis);
  }

  public boolean hasToken() {
    return tokens >= 1;
  }

  /** The bucket after one request took a token; check {@link #hasToken()} first. */
  public TokenBucket taken() {
    return new TokenBucket(tokens - 1, refilledAtMillis);
  }

  /** Whole seconds until the bucket holds one token again: the {@code Retry-After}, at least 1. */
  public long secondsUntilToken(RateLimit limit) {
    double missingMillis = (1 - tokens) / tokensPerMilli(limit);
    return Math.max(1, (long) Math.ceil(missingMillis / 1000));
  }

  private static double tokensPerMilli(RateLimit limit) {
    return (double) limit.requests() / limit.per().toMillis();
  }
}
