package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/** Turns what one backend type streams into pieces, the model's usage and its finish reason. */
interface PieceDecoder {

  /**
   * One server-sent event.
   *
   * @throws BackendException when the event is not what the backend type sends
   */
  void event(String name, String data, Sink sink);

  /**
   * A whole JSON answer from a backend that did not stream (it ignored the request to): its pieces,
   * all at once.
   */
  void whole(JsonObject answer, Sink sink);

  /** Where a decoder puts what it read. */
  interface Sink extends Consumer<JsonObject> {
    void usage(TokenUsage usage);

    void finishReason(String reason);
  }
}
