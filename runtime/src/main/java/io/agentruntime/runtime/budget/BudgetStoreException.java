package io.agentruntime.runtime.budget;

/** A budget bucket could not be read or written: the table is unreachable or refused the call. */
public final class BudgetStoreException extends RuntimeException {
  public BudgetStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
