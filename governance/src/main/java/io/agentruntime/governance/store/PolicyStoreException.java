package io.agentruntime.governance.store;

/** The store could not be read; the caller keeps serving its last good policy set. */
public class PolicyStoreException extends Exception {
  public PolicyStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public PolicyStoreException(String message) {
    super(message);
  }
}
