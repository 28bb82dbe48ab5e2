package io.agentruntime.runtime.idempotency;

/** The shared claim could not be made or read: nothing was dispatched, a retry may succeed. */
public final class IdempotencyStoreUnavailableException extends RuntimeException {
  public IdempotencyStoreUnavailableException(String key, Throwable cause) {
    super(
        "Idempotency-Key '"
            + IdempotencyKeyReusedException.abbreviate(key)
            + "' cannot be claimed now (idempotency.store is dynamodb): "
            + cause.getMessage(),
        cause);
  }
}
