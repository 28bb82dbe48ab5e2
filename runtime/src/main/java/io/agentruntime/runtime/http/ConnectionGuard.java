package io.agentruntime.runtime.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;

/**
 * What every listener of the runtime does with a new connection before any request on it is read:
 * HTTP/1.x connections get the {@link StrictRequestDecoder}, and requests no decoder accepts are
 * answered by {@link MalformedRequests}.
 *
 * <p>Vert.x has no option for the decoder; it is swapped in the connection's Netty pipeline, which
 * Vert.x exposes through its internal {@link HttpServerConnection}. The swap happens when Vert.x
 * announces the connection, before it has read a byte. With cleartext HTTP/2 enabled, Vert.x
 * announces an HTTP/1.x connection only once its first request is decoded; such connections keep
 * Vert.x's own decoder (see {@code server.http2ClearText}).
 */
public final class ConnectionGuard implements Handler<HttpConnection> {

  /** The name Vert.x gives the HTTP/1.x request decoder in the pipeline. */
  private static final String DECODER = "httpDecoder";

  /** Present while Vert.x may still upgrade the connection to HTTP/2 (h2c). */
  private static final String H2C_UPGRADE = "h2c";

  private final HttpServerOptions options;

  /**
   * @param options the listener's options, which the strict decoder reads its limits from
   */
  public ConnectionGuard(HttpServerOptions options) {
    this.options = options;
  }

  /** Installs the guard on {@code server}. */
  public void guard(HttpServer server) {
    server.connectionHandler(this).invalidRequestHandler(new MalformedRequests());
  }

  @Override
  public void handle(HttpConnection connection) {
    if (!(connection instanceof HttpServerConnection internal)) {
      return;
    }
    ChannelPipeline pipeline = internal.channelHandlerContext().pipeline();
    ChannelHandler decoder = pipeline.get(DECODER);
    if (decoder instanceof VertxHttpRequestDecoder
        && !(decoder instanceof StrictRequestDecoder)
        && pipeline.get(H2C_UPGRADE) == null) {
      pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options));
    }
  }
}
