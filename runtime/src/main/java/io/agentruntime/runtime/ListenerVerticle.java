package io.agentruntime.runtime;

import io.agentruntime.contract.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server of a {@link Listener} on one event loop; a listener deploys one instance per
 * event loop it uses, all sharing the port. Undeploying it drains: no new connections, in-flight
 * requests finish within the grace period.
 */
final class ListenerVerticle extends VerticleBase {

  private final Listener listener;
  private final ServerConfig config;
  private HttpServer server;

  ListenerVerticle(Listener listener, ServerConfig config) {
    this.listener = listener;
    this.config = config;
  }

  @Override
  public Future<?> start() {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(listener.host())
            .setPort(listener.port())
            .setTcpNoDelay(true)
            .setCompressionSupported(false)
            .setHttp2ClearTextEnabled(config.http2ClearText())
            // A body's size is checked before the client is asked for it (RequestBodyReader).
            .setHandle100ContinueAutomatically(false)
            .setIdleTimeout((int) config.idleTimeout().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    server = vertx.createHttpServer(options).requestHandler(listener.routes().apply(vertx));
    listener.guard().guard(server, options);
    return server.listen().onSuccess(listening -> listener.boundPort().set(listening.actualPort()));
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(config.shutdownGracePeriod().toMillis(), TimeUnit.MILLISECONDS);
  }
}
