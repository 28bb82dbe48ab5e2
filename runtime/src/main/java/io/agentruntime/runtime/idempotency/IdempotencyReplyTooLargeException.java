package io.agentruntime.runtime.idempotency;

/** The first request with a key ran, but its answer was too large to keep for replay. */
public final class IdempotencyReplyTooLargeException extends RuntimeException {
  public IdempotencyReplyTooLargeException(String key) {
    super(
        "the request with Idempotency-Key '"
            + IdempotencyKeyReusedException.abbreviate(key)
            + "' was dispatched once already, but its answer was too large to keep for replay",
        null,
        false,
        false);
  }
}
