package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * Any HTTP service: receives {@code {"intent", "input", "context", "decision"}} as a JSON POST and
 * answers the JSON object that becomes the dispatch result; streamed, the events it answers.
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
    return client.post(url, call, body(call));
  }

  /**
   * The same body, sent with {@code accept: text/event-stream}: a backend answering in events
   * streams them ({@link HttpEventDecoder}), one answering JSON streams that object.
   */
  @Override
  public PieceStream stream(BackendCall call) {
    return new HttpPieceStream(client, url, call, body(call), new HttpEventDecoder());
  }

  private static JsonObject body(BackendCall call) {
    return new JsonObject()
        .put("intent", call.intent())
        .put("input", call.input())
        .put("context", call.context())
        .put("decision", call.decision());
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
