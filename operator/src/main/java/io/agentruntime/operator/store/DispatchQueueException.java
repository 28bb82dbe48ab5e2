package io.agentruntime.operator.store;

/** SQS refused or could not be reached while the operator created or updated a queue. */
public final class DispatchQueueException extends Exception {

  public DispatchQueueException(String message, Throwable cause) {
    super(message, cause);
  }
}
