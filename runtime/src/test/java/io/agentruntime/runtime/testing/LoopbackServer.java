package io.agentruntime.runtime.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A real HTTP server on a loopback port standing in for a backend (or any peer a test calls): it
 * records every request it receives, once its body is read, and hands it to a {@link Responder}
 * ({@link Responders} has the usual ones: answering, late, hanging, held, flaky).
 */
public final class LoopbackServer implements AutoCloseable {

  /** One request as the server received it. */
  public record Received(String path, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body.toJsonObject();
    }
  }

  /** Answers one request; {@code arrival} counts the requests before it, from 0. */
  @FunctionalInterface
  public interface Responder {
    void respond(HttpServerRequest request, long arrival);
  }

  private final HttpServer server;
  private final Vertx ownVertx;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger connectionsClosed = new AtomicInteger();

  private LoopbackServer(Vertx vertx, Vertx ownVertx) {
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    this.ownVertx = ownVertx;
  }

  /** Starts a server on {@code vertx}, which the caller closes. */
  public static LoopbackServer start(Vertx vertx, Responder responder) {
    return new LoopbackServer(vertx, null).listen(responder);
  }

  /** Starts a server on a Vert.x of its own, closed with it. */
  public static LoopbackServer start(Responder responder) {
    Vertx vertx = Vertx.vertx();
    return new LoopbackServer(vertx, vertx).listen(responder);
  }

  private LoopbackServer listen(Responder responder) {
    server.connectionHandler(
        connection -> {
          connectionsOpened.incrementAndGet();
          connection.closeHandler(ignored -> connectionsClosed.incrementAndGet());
        });
    server.requestHandler(
        request -> {
          long arrival = arrivals.getAndIncrement();
          request
              .body()
              .onSuccess(
                  body -> {
                    received.add(new Received(request.path(), request.headers(), body));
                    responder.respond(request, arrival);
                  });
        });
    try {
      server.listen().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IllegalStateException("the loopback server did not start", e);
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }

  /** Every request received so far, in order of arrival. */
  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** How many requests reached this server. */
  public int receivedCount() {
    return received.size();
  }

  /** How many times each {@code x-request-id} reached this server. */
  public Map<String, Integer> receivedById() {
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    received().stream()
        .collect(
            Collectors.groupingBy(
                request -> String.valueOf(request.headers().get("x-request-id")),
                Collectors.counting()))
        .forEach((id, count) -> counts.put(id, count.intValue()));
    return counts;
  }

  public int connectionsOpened() {
    return connectionsOpened.get();
  }

  public int connectionsClosed() {
    return connectionsClosed.get();
  }

  @Override
  public void close() {
    try {
      server.close().await(10, TimeUnit.SECONDS);
      if (ownVertx != null) {
        ownVertx.close().await(10, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      throw new IllegalStateException("the loopback server did not stop", e);
    }
  }
}
