package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Serves the intents routed to it. Implementations never block the calling event loop.
 *
 * <p>The returned future fails with {@link BackendTimeoutException} when the intent's timeout
 * passes (the caller answers 504), with {@link BackendSaturatedException} when the backend's
 * bulkhead is full and the call was not sent (503), and with {@link BackendException} for any other
 * failure (502).
 */
public interface Backend extends AutoCloseable {

  Future<JsonObject> invoke(BackendCall call);

  /**
   * The answer to {@code call} as a stream of pieces, not yet started. A backend that cannot stream
   * answers in one piece: its whole result. Its failures are those of {@link #invoke}.
   */
  default PieceStream stream(BackendCall call) {
    return new WholeAnswer(invoke(call));
  }

  /** The admission limits of a backend with a connection pool; empty for in-process backends. */
  default Optional<Bulkhead> bulkhead() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
