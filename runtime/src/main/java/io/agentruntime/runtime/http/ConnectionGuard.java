package io.agentruntime.runtime.http;

import io.agentruntime.runtime.metrics.ListenerUsage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.HttpServerConnection;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one listener of the runtime does with a new connection before any request on it is read: it
 * closes the connection when the listener already holds its maximum, gives HTTP/1.x connections the
 * {@link StrictRequestDecoder} (strict heads, header timeout), and answers requests no decoder
 * accepts through {@link MalformedRequests}. One guard serves every server instance of its
 * listener, so the maximum holds across event loops.
 *
 * <p>Vert.x has no option for the decoder; it is swapped in the connection's Netty pipeline, which
 * Vert.x exposes through its internal {@link HttpServerConnection}. The swap happens when Vert.x
 * announces the connection, before it has read a byte. With cleartext HTTP/2 enabled, Vert.x
 * announces an HTTP/1.x connection only once its first request is decoded; such connections keep
 * Vert.x's own decoder and are counted from then on (see {@code server.http2ClearText}).
 */
public final class ConnectionGuard implements ListenerUsage {

  /** The names Vert.x gives the HTTP/1.x handlers in the pipeline. */
  private static final String DECODER = "httpDecoder";

  private static final String ENCODER = "httpEncoder";

  /** Present while Vert.x may still upgrade the connection to HTTP/2 (h2c). */
  private static final String H2C_UPGRADE = "h2c";

  private final int maxConnections;
  private final Duration headerTimeout;
  private final AtomicInteger open = new AtomicInteger();
  private final LongAdder refused = new LongAdder();

  /**
   * @param maxConnections connections the listener keeps open at most
   * @param headerTimeout how long a request head may take to arrive
   */
  public ConnectionGuard(int maxConnections, Duration headerTimeout) {
    this.maxConnections = maxConnections;
    this.headerTimeout = headerTimeout;
  }

  /** Installs the guard on {@code server}, one of the listener's instances. */
  public void guard(HttpServer server, HttpServerOptions options) {
    server
        .connectionHandler(connection -> admit(connection, options))
        .invalidRequestHandler(new MalformedRequests());
  }

  /** Connections open now. */
  @Override
  public int open() {
    return open.get();
  }

  /** Connections closed at once since start because the listener was full. */
  @Override
  public long refused() {
    return refused.sum();
  }

  private void admit(HttpConnection connection, HttpServerOptions options) {
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      refused.increment();
      connection.close();
      return;
    }
    connection.closeHandler(closed -> open.decrementAndGet());
    if (connection instanceof HttpServerConnection internal) {
      installStrictDecoder(internal.channelHandlerContext().pipeline(), options);
    }
  }

  private void installStrictDecoder(ChannelPipeline pipeline, HttpServerOptions options) {
    ChannelHandler decoder = pipeline.get(DECODER);
    if (decoder instanceof VertxHttpRequestDecoder
        && !(decoder instanceof StrictRequestDecoder)
        && pipeline.get(H2C_UPGRADE) == null) {
      StrictRequestDecoder strict = new StrictRequestDecoder(options, headerTimeout);
      pipeline.replace(DECODER, DECODER, strict);
      pipeline.addAfter(ENCODER, "answerTracker", new AnswerTracker(strict));
    }
  }
}
