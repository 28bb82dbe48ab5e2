package io.agentruntime.runtime.backend;

/**
 * The backend's answer was larger than {@code intents[].backend.maxResponseSize}: it was abandoned
 * unread past the limit and the caller gets 502.
 */
public class BackendResponseTooLargeException extends BackendException {
  public BackendResponseTooLargeException(String detail, String diagnosis) {
    super(detail, diagnosis, null);
  }
}
