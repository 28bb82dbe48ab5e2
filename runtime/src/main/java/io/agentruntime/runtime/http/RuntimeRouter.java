package io.agentruntime.runtime.http;

import io.agentruntime.runtime.config.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Every route of the runtime, in one place; the server and the tests build it the same way. */
public final class RuntimeRouter {

  private RuntimeRouter() {}

  /** The router serving the runtime API with {@code services}. */
  public static Router create(Vertx vertx, RuntimeServices services) {
    ServerConfig server = services.config().server();
    RequestBodyReader body = new RequestBodyReader(server);
    OperationalHandlers operational = new OperationalHandlers(services);
    Router router = Router.router(vertx);
    CanonicalPaths canonical = new CanonicalPaths();
    router.route().handler(RequestContext::begin).handler(canonical);
    router.post("/dispatch").handler(body).handler(new DispatchHandler(services));
    router.post("/v1/decisions").handler(body).handler(new DecisionHandler(services));
    router.get("/v1/intents").handler(operational::intents);
    router.get("/healthz").handler(operational::health);
    router.get("/readyz").handler(operational::ready);
    router.get("/metrics").handler(operational::metrics);
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
