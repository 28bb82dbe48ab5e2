package io.agentruntime.runtime;

import io.agentruntime.runtime.config.ServerConfig;
import io.agentruntime.runtime.http.ConnectionGuard;
import io.agentruntime.runtime.http.RuntimeRouter;
import io.agentruntime.runtime.http.RuntimeServices;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server on one event loop; the server deploys one instance per event loop, all sharing
 * the port. Undeploying it drains: no new connections, in-flight requests finish within the grace
 * period.
 */
final class RuntimeVerticle extends VerticleBase {

  private final RuntimeServices services;
  private final AtomicInteger boundPort;
  private HttpServer server;

  RuntimeVerticle(RuntimeServices services, AtomicInteger boundPort) {
    this.services = services;
    this.boundPort = boundPort;
  }

  @Override
  public Future<?> start() {
    ServerConfig config = services.config().server();
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setTcpNoDelay(true)
            .setCompressionSupported(false)
            .setHttp2ClearTextEnabled(config.http2ClearText())
            // A body's size is checked before the client is asked for it (RequestBodyReader).
            .setHandle100ContinueAutomatically(false)
            .setIdleTimeout((int) config.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    server = vertx.createHttpServer(options).requestHandler(RuntimeRouter.create(vertx, services));
    new ConnectionGuard(options).guard(server);
    return server.listen().onSuccess(listening -> boundPort.set(listening.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(
        services.config().server().shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
  }
}
