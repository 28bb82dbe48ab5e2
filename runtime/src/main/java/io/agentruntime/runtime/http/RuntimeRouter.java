package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * Every route of the runtime, in one place: the API ({@code server.port}) and the management
 * endpoints ({@code server.management.port}), each served only at its exact paths.
 */
public final class RuntimeRouter {

  private RuntimeRouter() {}

  /** The API: dispatch, decisions, intents, and the OpenAI face. */
  public static Router api(Vertx vertx, RuntimeServices services) {
    return api(vertx, services, router -> {});
  }

  /**
   * The API and the routes {@code more} adds (the MCP gateway's), all served only at their exact
   * paths.
   */
  public static Router api(Vertx vertx, RuntimeServices services, Consumer<Router> more) {
    ServerConfig server = services.config().server();
    RequestBodyReader body = new RequestBodyReader(server);
    OperationalHandlers operational = new OperationalHandlers(services);
    return router(
        vertx,
        router -> {
          RequestTracing traced = new RequestTracing(services.tracing());
          router
              .post("/dispatch")
              .handler(traced)
              .handler(body)
              .handler(new DispatchHandler(services));
          router.post("/v1/decisions").handler(body).handler(new DecisionHandler(services));
          router.get("/v1/intents").handler(operational::intents);
          router
              .post("/v1/chat/completions")
              .handler(traced)
              .handler(body)
              .handler(new ChatCompletionsHandler(services));
          router.get("/v1/models").handler(new ModelsHandler(services));
          DispatchRecordHandler dispatches = new DispatchRecordHandler(services);
          router.get(DispatchRecordHandler.PATH).handler(dispatches::read);
          router.delete(DispatchRecordHandler.PATH).handler(dispatches::cancel);
          more.accept(router);
        });
  }

  /** What the kubelet and Prometheus call: liveness, readiness, metrics. */
  public static Router management(Vertx vertx, RuntimeServices services) {
    OperationalHandlers operational = new OperationalHandlers(services);
    return router(
        vertx,
        router -> {
          router.get("/healthz").handler(operational::health);
          router.get("/readyz").handler(operational::ready);
          router.get("/metrics").handler(operational::metrics);
        });
  }

  private static Router router(Vertx vertx, Consumer<Router> routes) {
    Router router = Router.router(vertx);
    CanonicalPaths canonical = new CanonicalPaths();
    router.route().handler(RequestContext::begin).handler(canonical);
    routes.accept(router);
    router.errorHandler(404, ctx -> fail(ctx, ProblemType.NOT_FOUND, "no route for " + path(ctx)));
    router.errorHandler(
        405,
        ctx ->
            fail(
                ctx,
                ProblemType.METHOD_NOT_ALLOWED,
                ctx.request().method() + " is not allowed on " + path(ctx)));
    router.errorHandler(500, RuntimeRouter::unexpected);
    canonical.serveOnly(router);
    return router;
  }

  private static void fail(RoutingContext ctx, ProblemType type, String detail) {
    ReplyWriter.sendProblem(ctx, new ProblemException(type, detail), false);
  }

  private static void unexpected(RoutingContext ctx) {
    Throwable failure =
        ctx.failure() != null
            ? ctx.failure()
            : new IllegalStateException("request failed with status " + ctx.statusCode());
    ReplyWriter.sendProblem(ctx, failure, false);
  }

  private static String path(RoutingContext ctx) {
    String path = ctx.request().path();
    return path.length() <= 100 ? path : path.substring(0, 100) + "...";
  }
}
