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
   * The tokens the call that answered {@code result} consumed, when the backend reports them (an
   * {@code openai} backend, from its completion's {@code usage}); empty for backends that do not.
   */
  default Optional<TokenUsage> usage(JsonObject result) {
    return Optional.empty();
  }

  /** The admission limits of a backend with a connection pool; empty for in-process backends. */
  default Optional<Bulkhead> bulkhead() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
