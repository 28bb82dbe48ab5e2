package io.agentruntime.runtime.backend;

/**
 * No connection to the backend could be opened (refused, unreachable, unknown host), so nothing was
 * sent: the caller gets 503 with {@code Retry-After} and may safely retry. This is what a caller
 * sees while a pool scaled to zero starts again.
 */
public class BackendUnavailableException extends BackendException {

  /** How long a caller should wait: a model server takes tens of seconds or more to start. */
  public static final String RETRY_AFTER_SECONDS = "10";

  public BackendUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
