package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One caller must not exhaust the pod's connections: the API listener holds at most {@code
 * server.maxConnections} and closes the rest at once, a connection that does not complete its
 * request head within {@code server.headerTimeout} is closed, and the probes, on their own
 * listener, answer throughout.
 */
class ConnectionFloodTest {

  private static final int MAX_CONNECTIONS = 100;
  private static final int FLOOD = 300;
  private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(1);
  private static final String BODY = "{\"intent\": \"call_reasoning\"}";

  @TempDir static Path dir;
  private static Vertx vertx;
  private static LoopbackServer slow;
  private static TestRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    slow = LoopbackServer.start(vertx, Responders.after(Duration.ofSeconds(2), Responders.ok()));
    String config =
        TestRuntime.baseConfig()
                .replace(
                    "eventLoops: 2",
                    "eventLoops: 2\n  maxConnections: " + MAX_CONNECTIONS + "\n  headerTimeout: 1s")
            + """
            intents:
              - name: call_reasoning
                backend: {type: echo}
              - name: slow
                timeout: 10s
                backend: {type: http, url: "%s"}
            """
                .formatted(slow.url("/tool"));
    runtime =
        TestRuntime.start(dir, config, Map.of("allow.cedar", TestRuntime.ALLOW_ALL), Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
    slow.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stillServes() throws Exception {
    runtime.assertStillServes();
  }

  @Test
  void aFloodOfIdleConnectionsIsBoundedAndTheProbesAnswerThroughout() throws Exception {
    ExecutorService prober = Executors.newSingleThreadExecutor();
    List<Socket> flood = new ArrayList<>();
    try {
      Future<List<Integer>> probes =
          prober.submit(() -> probeUntil(System.nanoTime() + Duration.ofSeconds(4).toNanos()));
      for (int i = 0; i < FLOOD; i++) {
        flood.add(new Socket("127.0.0.1", runtime.port()));
      }

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(meter("agent_http_connections_refused_total", "api"))
                      .isGreaterThanOrEqualTo(FLOOD - MAX_CONNECTIONS));
      assertThat(meter("agent_http_connections", "api")).isLessThanOrEqualTo(MAX_CONNECTIONS);
      // Those admitted never send a head: each is closed once the header timeout has passed.
      for (Socket socket : flood) {
        socket.setSoTimeout(5_000);
        assertThat(socket.getInputStream().read()).as("closed by the runtime").isEqualTo(-1);
      }
      assertThat(probes.get(30, TimeUnit.SECONDS)).isNotEmpty().containsOnly(200);
    } finally {
      prober.shutdownNow();
      for (Socket socket : flood) {
        socket.close();
      }
    }
  }

  @Test
  void aHeadTrickledByteByByteIsCutAtTheHeaderTimeout() throws Exception {
    try (RawConnection connection = RawConnection.open(runtime.port())) {
      connection.send("POST /dispatch HTTP/1.1\r\nhost: localhost\r\n");
      long started = System.nanoTime();
      boolean closed = false;
      // Each byte arrives well within the idle timeout; only the header timeout ends this.
      while (!closed && System.nanoTime() - started < Duration.ofSeconds(8).toNanos()) {
        try {
          connection.send("x");
        } catch (IOException reset) {
          closed = true;
          break;
        }
        closed = connection.closedWithin(Duration.ofMillis(100));
      }

      assertThat(closed).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(HEADER_TIMEOUT.minusMillis(200));
    }
  }

  @Test
  void anIdleKeepAliveConnectionOutlivesTheHeaderTimeout() throws Exception {
    try (RawConnection connection = RawConnection.open(runtime.port())) {
      assertThat(connection.send(post("/dispatch")).read().status()).isEqualTo(200);

      assertThat(connection.closedWithin(HEADER_TIMEOUT.plusMillis(500))).isFalse();
      assertThat(connection.send(post("/dispatch")).read().status()).isEqualTo(200);
    }
  }

  @Test
  void aHeadWaitingBehindASlowAnswerIsTimedOnlyOnceItIsSent() throws Exception {
    String slowRequest =
        post("/dispatch")
            .replace("call_reasoning", "slow")
            .replace("content-length: 28", "content-length: 18");
    try (RawConnection connection = RawConnection.open(runtime.port())) {
      String next = post("/dispatch");
      int split = next.indexOf("\r\n") + 2;
      connection.send(slowRequest + next.substring(0, split));

      assertThat(connection.read().status()).as("the slow answer, after 2 s").isEqualTo(200);
      assertThat(connection.send(next.substring(split)).read().status()).isEqualTo(200);
    }
  }

  private static String post(String path) {
    return "POST "
        + path
        + " HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
        + "x-agent-principal: ann\r\ncontent-length: "
        + BODY.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + BODY;
  }

  /** Polls /healthz like a kubelet (2 s timeout) every 50 ms; a timeout fails the test. */
  private static List<Integer> probeUntil(long deadline) throws Exception {
    HttpClient kubelet = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    List<Integer> statuses = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      statuses.add(
          kubelet
              .send(
                  HttpRequest.newBuilder(runtime.managementUri("/healthz"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .statusCode());
      Thread.sleep(50);
    }
    return statuses;
  }

  private static double meter(String name, String listener) throws Exception {
    Matcher value =
        Pattern.compile("(?m)^" + name + "\\{listener=\"" + listener + "\",?\\} (\\S+)$")
            .matcher(runtime.management("/metrics").body());
    assertThat(value.find()).as(name + " is exported").isTrue();
    return Double.parseDouble(value.group(1));
  }
}
