package io.agentruntime.runtime.async;

/** The dispatch records could not be read or written: nothing was decided, try again later. */
public final class DispatchStoreException extends RuntimeException {
  public DispatchStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
