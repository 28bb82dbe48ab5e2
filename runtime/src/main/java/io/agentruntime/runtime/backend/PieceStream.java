package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import java.util.Optional;

/**
 * A backend's answer as it is generated, one piece at a time, read no faster than the caller takes
 * it: while {@link #pause() paused} nothing more is read from the backend, so a slow caller holds
 * back the backend instead of filling the runtime's memory.
 *
 * <p>Every method is called on the event loop that called {@link #start}, and the listener is
 * called there too.
 */
public interface PieceStream {

  /** Sends the call; the listener hears of each piece, then of the end or of a failure, once. */
  void start(PieceListener listener);

  /** Stops reading the backend until {@link #resume()}. */
  void pause();

  void resume();

  /**
   * Abandons the call: the backend request is reset (an HTTP/1.1 connection is closed, so the
   * backend sees its caller leave) and the listener hears nothing more.
   */
  void cancel();

  /** The usage the backend reported so far; a model server reports it at its end. */
  Optional<TokenUsage> reportedUsage();
}
