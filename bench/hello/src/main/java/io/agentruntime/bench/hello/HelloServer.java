package io.agentruntime.bench.hello;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The baseline of the dispatch benchmark: a bare Vert.x server, one verticle per core, answering
 * {@code POST /} with a small JSON once the request body has arrived, and 404 to anything else.
 *
 * <p>Usage: {@code java -jar hello-server.jar [port] [host]} (defaults 8081, 127.0.0.1).
 */
public final class HelloServer extends VerticleBase {

  private static final String ANSWER = "{\"message\":\"hello\"}";

  private final String host;
  private final int port;

  private HelloServer(String host, int port) {
    this.host = host;
    this.port = port;
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    String host = args.length > 1 ? args[1] : "127.0.0.1";
    int instances = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx();
    vertx
        .deployVerticle(
            () -> new HelloServer(host, port), new DeploymentOptions().setInstances(instances))
        .onSuccess(
            id ->
                System.out.printf(
                    "hello server listening on %s:%d (%d verticles)%n", host, port, instances))
        .onFailure(
            failure -> {
              System.err.println("hello server failed to start: " + failure.getMessage());
              vertx.close();
              System.exit(1);
            });
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true))
        .requestHandler(this::handle)
        .listen();
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.POST || !"/".equals(request.path())) {
      request.response().setStatusCode(404).end();
      return;
    }
    // read the body like the runtime does, so both servers do the same network work
    request
        .body()
        .onSuccess(
            body -> request.response().putHeader("content-type", "application/json").end(ANSWER));
  }
}
