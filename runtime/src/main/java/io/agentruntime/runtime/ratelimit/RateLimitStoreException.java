package io.agentruntime.runtime.ratelimit;

/** A bucket could not be read or written: the table is unreachable, or too contended. */
public final class RateLimitStoreException extends RuntimeException {
  public RateLimitStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
