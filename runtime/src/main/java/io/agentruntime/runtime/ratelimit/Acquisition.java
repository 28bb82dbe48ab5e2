package io.agentruntime.runtime.ratelimit;

/**
 * Whether a request got a token from a bucket.
 *
 * @param granted a token was taken
 * @param retryAfterSeconds when not granted: whole seconds until a token is back, at least 1
 */
public record Acquisition(boolean granted, long retryAfterSeconds) {

  public static final Acquisition GRANTED = new Acquisition(true, 0);

  public static Acquisition limited(long retryAfterSeconds) {
    return new Acquisition(false, retryAfterSeconds);
  }
}
