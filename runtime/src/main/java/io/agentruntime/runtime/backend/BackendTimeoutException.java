package io.agentruntime.runtime.backend;

/** The backend did not answer within the intent's timeout: the caller gets 504. */
public class BackendTimeoutException extends BackendException {
  public BackendTimeoutException(String detail) {
    super(detail);
  }
}
