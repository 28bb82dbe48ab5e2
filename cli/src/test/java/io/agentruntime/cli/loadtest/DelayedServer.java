package io.agentruntime.cli.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server with a known latency distribution: the n-th request it receives is
 * answered 200 after {@code delays[n % delays.size()]}.
 */
final class DelayedServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;

  private DelayedServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  static DelayedServer start(List<Duration> delays) throws Exception {
    return start(delays, false);
  }

  /** A server that closes each connection after answering on it, as some proxies do. */
  static DelayedServer closingEachConnection(Duration delay) throws Exception {
    return start(List.of(delay), true);
  }

  private static DelayedServer start(List<Duration> delays, boolean close) throws Exception {
    Vertx vertx = Vertx.vertx();
    AtomicLong arrivals = new AtomicLong();
    HttpServer server =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request -> {
                  Duration delay = delays.get((int) (arrivals.getAndIncrement() % delays.size()));
                  request
                      .body()
                      .onComplete(
                          body ->
                              vertx.setTimer(
                                  delay.toMillis(),
                                  id -> {
                                    if (close) {
                                      request.response().putHeader("connection", "close");
                                    }
                                    request.response().end("{\"ok\":true}");
                                  }));
                })
            .listen()
            .await(10, TimeUnit.SECONDS);
    return new DelayedServer(vertx, server);
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/dispatch";
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
