package io.agentruntime.runtime.async;

/** A dispatch whose queue message would exceed the queue's limit: nothing was queued. */
public final class TaskTooLargeException extends RuntimeException {
  public TaskTooLargeException(int bytes) {
    super(
        "the queued dispatch would be "
            + bytes
            + " bytes of input, context and decision; the queue takes at most "
            + DispatchQueue.MAX_MESSAGE_BYTES);
  }
}
