package io.agentruntime.runtime.http;

/**
 * How large a request's {@code context} was, as measured while parsing it.
 *
 * @param members values inside it, every object member and array element at any depth
 * @param bytes its length as JSON text
 */
public record ContextSize(int members, long bytes) {

  /**
   * Decisions on contexts up to this many members and bytes take tens of microseconds and run on
   * the event loop; larger ones (up to {@code governance.context}'s limits, milliseconds) run on a
   * worker thread, so no request holds an event loop for long.
   */
  static final int LIGHT_MEMBERS = 64;

  static final long LIGHT_BYTES = 4096;

  /** Whether deciding on this context is cheap enough for the event loop. */
  public boolean light() {
    return members <= LIGHT_MEMBERS && bytes <= LIGHT_BYTES;
  }
}
