package io.agentruntime.runtime.backend;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on a loopback port standing in for a backend; it records what it receives. */
final class StubServer implements AutoCloseable {

  /** One request as the stub received it. */
  record Received(String path, MultiMap headers, Buffer body) {
    JsonObject json() {
      return body.toJsonObject();
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger connectionsClosed = new AtomicInteger();

  private StubServer(Vertx vertx) {
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
  }

  /** Starts a stub that hands every request, once its body is read, to {@code responder}. */
  static StubServer start(Vertx vertx, Handler<HttpServerRequest> responder) throws Exception {
    StubServer stub = new StubServer(vertx);
    stub.server.connectionHandler(
        connection -> {
          stub.connectionsOpened.incrementAndGet();
          connection.closeHandler(ignored -> stub.connectionsClosed.incrementAndGet());
        });
    stub.server.requestHandler(
        request ->
            request
                .body()
                .onSuccess(
                    body -> {
                      stub.received.add(new Received(request.path(), request.headers(), body));
                      responder.handle(request);
                    }));
    stub.server.listen().await(10, TimeUnit.SECONDS);
    return stub;
  }

  /** Answers 200 with {@code body} as JSON. */
  static Handler<HttpServerRequest> answering(JsonObject body) {
    return answering(200, body.encode());
  }

  /** Answers {@code status} with {@code body}. */
  static Handler<HttpServerRequest> answering(int status, String body) {
    return request ->
        request
            .response()
            .setStatusCode(status)
            .putHeader("content-type", "application/json")
            .end(body);
  }

  /** Never answers: the request stays open until the client gives up. */
  static Handler<HttpServerRequest> hanging() {
    return request -> {};
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.actualPort() + path);
  }

  List<Received> received() {
    return received;
  }

  int connectionsOpened() {
    return connectionsOpened.get();
  }

  int connectionsClosed() {
    return connectionsClosed.get();
  }

  @Override
  public void close() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
  }
}
