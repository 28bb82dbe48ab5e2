package io.agentruntime.runtime;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP tool service behind an {@code http} intent that counts its calls and, when held, keeps
 * every call waiting until {@link #release()}.
 */
final class StubBackend implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch released;

  private StubBackend(boolean held) throws IOException {
    released = new CountDownLatch(held ? 1 : 0);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/tool",
        exchange -> {
          int call = calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          try {
            released.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = ("{\"call\":" + call + "}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("content-type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** Answers every call at once. */
  static StubBackend answering() throws IOException {
    return new StubBackend(false);
  }

  /** Holds every call until {@link #release()}. */
  static StubBackend holding() throws IOException {
    return new StubBackend(true);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/tool";
  }

  int calls() {
    return calls.get();
  }

  void release() {
    released.countDown();
  }

  /** The intents YAML: {@code call_reasoning} (echo) and {@code lookup_order} served here. */
  String intents() {
    return """
        intents:
          - name: call_reasoning
            backend: {type: echo}
          - name: lookup_order
            timeout: 15s
            backend: {type: http, url: "%s"}
        """
        .formatted(url());
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    executor.shutdownNow();
  }
}
