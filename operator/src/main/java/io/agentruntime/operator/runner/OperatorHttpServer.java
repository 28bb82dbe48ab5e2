package io.agentruntime.operator.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The operator's probe and metrics endpoints: {@code /healthz} (liveness), {@code /readyz}
 * (readiness: started and every informer healthy) and {@code /metrics} (Prometheus text format).
 */
public final class OperatorHttpServer implements AutoCloseable {

  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OperatorHttpServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Binds the endpoints to {@code address} and starts serving.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param health the current health of the operator, asked on every probe
   * @param registry the registry rendered on {@code /metrics}
   * @throws UncheckedIOException if the address cannot be bound
   */
  public static OperatorHttpServer start(
      InetSocketAddress address,
      Supplier<OperatorHealth> health,
      PrometheusMeterRegistry registry) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + " for health and metrics", e);
    }
    server.createContext("/healthz", probe(health, OperatorHealth::live));
    server.createContext("/readyz", probe(health, OperatorHealth::ready));
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, registry.scrape()));
    // One virtual thread per exchange: a slow scrape never delays a probe.
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return new OperatorHttpServer(server);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Stops accepting requests, letting exchanges in progress finish for up to a second. Closing
   * again does nothing (a failed start and the shutdown hook may both close).
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(1);
    }
  }

  private static HttpHandler probe(
      Supplier<OperatorHealth> health, Predicate<OperatorHealth> passes) {
    return exchange -> {
      var current = health.get();
      respond(exchange, passes.test(current) ? 200 : 503, TEXT, current.describe() + "\n");
    };
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    try (exchange) {
      var bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
