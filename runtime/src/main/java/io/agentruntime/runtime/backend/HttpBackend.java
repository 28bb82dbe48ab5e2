package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * Any HTTP service: receives {@code {"intent", "input", "context", "decision"}} as a JSON POST and
 * answers the JSON object that becomes the dispatch result.
 */
public final class HttpBackend implements Backend {

  private final BackendHttpClient client;
  private final URI url;

  HttpBackend(BackendHttpClient client, URI url) {
    this.client = client;
    this.url = url;
  }

  @Override
  public Future<JsonObject> invoke(BackendCall call) {
    JsonObject body =
        new JsonObject()
            .put("intent", call.intent())
            .put("input", call.input())
            .put("context", call.context())
            .put("decision", call.decision());
    return client.post(url, call.requestId(), body);
  }

  @Override
  public Optional<Bulkhead> bulkhead() {
    return Optional.of(client.bulkhead());
  }

  @Override
  public void close() {
    client.close();
  }
}
