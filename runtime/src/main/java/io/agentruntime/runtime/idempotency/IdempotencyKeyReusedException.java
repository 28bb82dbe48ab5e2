package io.agentruntime.runtime.idempotency;

/** An {@code Idempotency-Key} came back with a different request body. */
public final class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String key) {
    super(
        "Idempotency-Key '" + abbreviate(key) + "' was already used with a different request body",
        null,
        false,
        false);
  }

  /** A key short enough to quote in a problem's detail. */
  static String abbreviate(String key) {
    return key.length() > 64 ? key.substring(0, 64) + "..." : key;
  }
}
