package io.agentruntime.runtime.backend;

/**
 * The backend's bulkhead was full, so the call was refused without being sent: the caller gets 503
 * and may retry.
 */
public class BackendSaturatedException extends BackendException {
  public BackendSaturatedException(String detail) {
    super(detail);
  }
}
