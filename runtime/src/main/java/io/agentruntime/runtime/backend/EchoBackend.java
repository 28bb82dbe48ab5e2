package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The built-in backend of local development: answers {@code {"input", "decision"}} at once, so the
 * whole dispatch path (governance included) can be exercised without any other service.
 */
public final class EchoBackend implements Backend {

  @Override
  public Future<JsonObject> invoke(BackendCall call) {
    return Future.succeededFuture(
        new JsonObject().put("input", call.input()).put("decision", call.decision()));
  }
}
