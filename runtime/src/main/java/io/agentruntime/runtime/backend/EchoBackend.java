package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The built-in backend of local development: answers {@code {"input", "decision"}} at once, so the
 * whole dispatch path (governance included) can be exercised without any other service. Streamed,
 * it sends the prompt back in a few pieces over a few hundred milliseconds ({@link EchoPieces}).
 */
public final class EchoBackend implements Backend {

  @Override
  public Future<JsonObject> invoke(BackendCall call) {
    return Future.succeededFuture(
        new JsonObject().put("input", call.input()).put("decision", call.decision()));
  }

  @Override
  public PieceStream stream(BackendCall call) {
    return new EchoPieces(call.input());
  }
}
