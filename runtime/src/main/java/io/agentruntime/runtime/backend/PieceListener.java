package io.agentruntime.runtime.backend;

import io.vertx.core.json.JsonObject;

/** Hears what a {@link PieceStream} reads from its backend. */
public interface PieceListener {

  /**
   * One piece as the backend sent it: an OpenAI chunk's {@code delta}, an event's JSON object, a
   * part of the {@code echo} answer. Never re-buffered: each reaches the caller as it comes.
   */
  void piece(JsonObject piece);

  /** The backend ended its answer; {@code finishReason} is the model's, or null. */
  void end(String finishReason);

  /** The call failed: a {@link BackendException} saying how. */
  void fail(Throwable failure);
}
