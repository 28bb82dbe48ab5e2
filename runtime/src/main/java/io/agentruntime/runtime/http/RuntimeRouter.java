package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.ServerConfig;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/**
 * Every route of the runtime, in one place: the API ({@code server.port}) and the management
 * endpoints ({@code server.management.port}), each served only at its exact paths ({@link Routes}).
 */
public final class RuntimeRouter {

  private RuntimeRouter() {}

  /** The API: dispatch, decisions, intents, and the OpenAI face. */
  public static Routes api(Vertx vertx, RuntimeServices services) {
    return api(vertx, services, routes -> {});
  }

  /** The API and the routes {@code more} adds (the MCP gateway's). */
  public static Routes api(Vertx vertx, RuntimeServices services, Consumer<Routes> more) {
    ServerConfig server = services.config().server();
    RequestBodyReader body = new RequestBodyReader(server);
    RequestTracing traced = new RequestTracing(services.tracing());
    OperationalHandlers operational = new OperationalHandlers(services);
    DispatchRecordHandler dispatches = new DispatchRecordHandler(services);
    Routes routes =
        new Routes(vertx)
            .post("/dispatch", traced, body, new DispatchHandler(services))
            .post("/v1/decisions", body, new DecisionHandler(services))
            .get("/v1/intents", operational::intents)
            .post("/v1/chat/completions", traced, body, new ChatCompletionsHandler(services))
            .get("/v1/models", new ModelsHandler(services))
            .get(DispatchRecordHandler.PATH, dispatches::read)
            .delete(DispatchRecordHandler.PATH, dispatches::cancel);
    more.accept(routes);
    return routes;
  }

  /** What the kubelet and Prometheus call: liveness, readiness, metrics. */
  public static Routes management(Vertx vertx, RuntimeServices services) {
    OperationalHandlers operational = new OperationalHandlers(services);
    return new Routes(vertx)
        .get("/healthz", operational::health)
        .get("/readyz", operational::ready)
        .get("/metrics", operational::metrics);
  }
}
