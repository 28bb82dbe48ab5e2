package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend answering far more than {@code maxResponseSize} gets its connection closed at the
 * limit: the caller gets 502 and the runtime never reads, let alone keeps, the rest. The backend
 * counts what it managed to hand to the socket before the runtime closed it.
 */
class BackendAnswerLimitTest {

  private static final long LIMIT = 1 << 20;
  private static final long HUGE = 128L << 20;
  private static final Buffer CHUNK = Buffer.buffer(new byte[64 * 1024]);

  @TempDir static Path dir;
  private static Vertx vertx;
  private static HttpServer backend;
  private static TestRuntime runtime;
  private static final AtomicLong written = new AtomicLong();
  private static final AtomicBoolean closedByRuntime = new AtomicBoolean();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend =
        vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
            .requestHandler(
                request -> {
                  HttpServerResponse response = request.response();
                  response.closeHandler(closed -> closedByRuntime.set(true));
                  switch (request.path()) {
                    case "/declared" -> response.putHeader("content-length", Long.toString(HUGE));
                    case "/small" -> {
                      response.end(new JsonObject().put("size", "x".repeat(500_000)).toBuffer());
                      return;
                    }
                    default -> response.setChunked(true);
                  }
                  pump(response, HUGE);
                })
            .listen()
            .await(10, TimeUnit.SECONDS);
    String base = "http://127.0.0.1:" + backend.actualPort();
    String intents =
        """
        intents:
          - name: call_reasoning
            backend: {type: echo}
          - name: declared
            timeout: 20s
            backend: {type: http, url: "%s/declared", maxResponseSize: 1MiB}
          - name: streamed
            timeout: 20s
            backend: {type: http, url: "%s/streamed", maxResponseSize: 1MiB}
          - name: small
            timeout: 20s
            backend: {type: http, url: "%s/small", maxResponseSize: 1MiB}
        """
            .formatted(base, base, base);
    runtime = TestRuntime.start(dir, intents, Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }

  /** Writes {@code remaining} bytes as fast as the connection takes them, never queueing more. */
  private static void pump(HttpServerResponse response, long remaining) {
    while (remaining > 0 && !response.writeQueueFull() && !response.closed()) {
      response.write(CHUNK);
      written.addAndGet(CHUNK.length());
      remaining -= CHUNK.length();
    }
    long left = remaining;
    if (left > 0 && !response.closed()) {
      response.drainHandler(drained -> pump(response, left));
    } else if (left <= 0) {
      response.end();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
    backend.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stillServes() throws Exception {
    runtime.assertStillServes();
    written.set(0);
    closedByRuntime.set(false);
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
    assertRefusedAtTheLimit("declared");
  }

  @Test
  void aStreamedAnswerIsCutAtTheLimit() throws Exception {
    assertRefusedAtTheLimit("streamed");
  }

  @Test
  void anAnswerUnderTheLimitIsServed() throws Exception {
    HttpResponse<String> response = dispatch("small");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonObject("result").getString("size"))
        .hasSize(500_000);
  }

  private void assertRefusedAtTheLimit(String intent) throws Exception {
    HttpResponse<String> response = dispatch(intent);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(ProblemAssert.isProblem(response, "backend-response-too-large").getString("detail"))
        .contains("'" + intent + "'", "maxResponseSize", Long.toString(LIMIT));
    await().atMost(Duration.ofSeconds(10)).untilTrue(closedByRuntime);
    // The limit plus what the loopback's socket buffers held when the runtime closed: a few MiB
    // at most, against the 128 MiB the backend meant to send.
    assertThat(written.get()).isLessThan(HUGE / 8);
  }

  private static HttpResponse<String> dispatch(String intent) throws Exception {
    return runtime.post(
        "/dispatch", "{\"intent\": \"" + intent + "\", \"context\": {\"user_id\": \"ann\"}}");
  }
}
