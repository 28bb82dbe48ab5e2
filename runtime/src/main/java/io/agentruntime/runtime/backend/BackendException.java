package io.agentruntime.runtime.backend;

/** The backend failed or answered with an error: the caller gets 502. */
public class BackendException extends RuntimeException {
  public BackendException(String message, Throwable cause) {
    super(message, cause);
  }

  public BackendException(String message) {
    super(message);
  }
}
