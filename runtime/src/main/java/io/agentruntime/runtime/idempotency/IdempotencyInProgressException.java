package io.agentruntime.runtime.idempotency;

/** The first request with a key is still running elsewhere after the repeat waited its patience. */
public final class IdempotencyInProgressException extends RuntimeException {
  public IdempotencyInProgressException(String key) {
    super(
        "the first request with Idempotency-Key '"
            + IdempotencyKeyReusedException.abbreviate(key)
            + "' is still running on another instance; retry later",
        null,
        false,
        false);
  }
}
