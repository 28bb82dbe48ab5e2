package io.agentruntime.runtime;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP tool service on a loopback port that counts, per {@code x-request-id}, every request it
 * receives: the ids the runtime forwards tell whether any dispatch reached it more than once.
 */
final class LoopbackBackend implements AutoCloseable {

  private static final String ANSWER = "{\"ok\":true}";

  private final HttpServer server;
  private final Map<String, AtomicInteger> receivedById = new ConcurrentHashMap<>();

  private LoopbackBackend(HttpServer server) {
    this.server = server;
  }

  /** Answers 200 after {@code delay}. */
  static LoopbackBackend steady(Vertx vertx, Duration delay) throws Exception {
    return start(
        vertx,
        (request, arrival) ->
            vertx.setTimer(delay.toMillis(), id -> request.response().end(ANSWER)));
  }

  /** Answers every request at once with {@code status} and {@code body}. */
  static LoopbackBackend answering(Vertx vertx, int status, String body) throws Exception {
    return start(vertx, (request, arrival) -> request.response().setStatusCode(status).end(body));
  }

  /**
   * Alternates by arrival: the first request gets a 500 at once, the second is never answered (it
   * hangs until the caller gives up and closes the connection), and so on.
   */
  static LoopbackBackend flaky(Vertx vertx) throws Exception {
    return start(
        vertx,
        (request, arrival) -> {
          if (arrival % 2 == 0) {
            request.response().setStatusCode(500).end("{\"error\":\"flaky\"}");
          }
        });
  }

  private interface Responder {
    void respond(HttpServerRequest request, long arrival);
  }

  private static LoopbackBackend start(Vertx vertx, Responder responder) throws Exception {
    HttpServer server =
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    LoopbackBackend backend = new LoopbackBackend(server);
    AtomicLong arrivals = new AtomicLong();
    Handler<HttpServerRequest> handler =
        request ->
            request
                .body()
                .onSuccess(
                    body -> {
                      String id = request.getHeader("x-request-id");
                      backend
                          .receivedById
                          .computeIfAbsent(id, key -> new AtomicInteger())
                          .incrementAndGet();
                      request.response().putHeader("content-type", "application/json");
                      responder.respond(request, arrivals.getAndIncrement());
                    });
    server.requestHandler(handler).listen().await(10, TimeUnit.SECONDS);
    return backend;
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/tool";
  }

  /** How many requests reached this backend. */
  int received() {
    return receivedById().values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many times each request id reached this backend. */
  Map<String, Integer> receivedById() {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    receivedById.forEach((id, count) -> counts.put(id, count.get()));
    return counts;
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
