package io.agentruntime.runtime.async;

/** The queue did not take a dispatch: nothing was queued. */
public final class QueueUnavailableException extends RuntimeException {
  public QueueUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
