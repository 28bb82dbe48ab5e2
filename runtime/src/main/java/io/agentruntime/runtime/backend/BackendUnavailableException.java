package io.agentruntime.runtime.backend;

/**
 * No connection to the backend could be opened (refused, unreachable, unknown host), so nothing was
 * sent: the caller gets 503 with {@code Retry-After} and may safely retry. This is what a caller
 * sees while a pool scaled to zero starts again.
 */
public class BackendUnavailableException extends BackendException {

  public BackendUnavailableException(String detail, String diagnosis, Throwable cause) {
    super(detail, diagnosis, cause);
  }
}
