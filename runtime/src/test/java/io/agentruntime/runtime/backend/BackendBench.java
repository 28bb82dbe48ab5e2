package io.agentruntime.runtime.backend;

import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a backend test calls and is called by: a Vert.x, loopback servers and backends, created per
 * test and closed after it (backends first, then servers, then Vert.x).
 */
public final class BackendBench implements BeforeEachCallback, AfterEachCallback {

  private Vertx vertx;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    vertx = Vertx.vertx();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (AutoCloseable resource : resources.reversed()) {
      resource.close();
    }
    resources.clear();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  public Vertx vertx() {
    return vertx;
  }

  /** A loopback server answering with {@code responder}, closed after the test. */
  public LoopbackServer server(LoopbackServer.Responder responder) {
    return keep(LoopbackServer.start(vertx, responder));
  }

  /** The backend {@code intent} configures, closed after the test. */
  public Backend backend(IntentConfig intent) {
    return keep(Backends.create(vertx, intent));
  }

  public <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  /** A call of {@code intent} with an empty input, context and decision. */
  public static BackendCall call(String intent, String requestId) {
    return new BackendCall(requestId, intent, new JsonObject(), new JsonObject(), new JsonObject());
  }
}
