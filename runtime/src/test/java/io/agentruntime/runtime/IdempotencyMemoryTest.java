package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answers kept for {@code Idempotency-Key} replays are bounded by bytes, and one principal
 * flooding keys only ever displaces its own: another principal's retry still replays instead of
 * running twice (counted at a real backend).
 */
class IdempotencyMemoryTest {

  private static final long MAX_BYTES = 512 << 10;
  private static final Pattern MEMORY_GAUGE =
      Pattern.compile("(?m)^agent_idempotency_memory_bytes (\\S+)$");

  @TempDir static Path dir;
  private static Vertx vertx;
  private static LoopbackServer backend;
  private static TestRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = LoopbackServer.start(vertx, Responders.after(Duration.ofMillis(1), Responders.ok()));
    String config =
        TestRuntime.baseConfig(TestRuntime.MESH_MODE)
            + """
            idempotency: {maxBytes: 512KiB, maxBytesPerPrincipal: 256KiB, maxReplySize: 200KiB}
            intents:
              - name: call_reasoning
                backend: {type: echo}
              - name: lookup_order
                timeout: 5s
                backend: {type: http, url: "%s"}
            """
                .formatted(backend.url("/tool"));
    runtime =
        TestRuntime.start(dir, config, Map.of("allow.cedar", TestRuntime.ALLOW_ALL), Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
    backend.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aFloodOfKeysByOnePrincipalDoesNotEvictAnothersKey() throws Exception {
    String order = "{\"intent\": \"lookup_order\", \"input\": {\"order\": 7}}";
    HttpResponse<String> first = post(order, "bob", "bob-key");
    int before = backend.receivedCount();

    for (int i = 0; i < 200; i++) {
      assertThat(post(order, "mallory", "junk-" + i).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> retry = post(order, "bob", "bob-key");

    assertThat(retry.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(backend.receivedCount()).as("bob's retry ran again").isEqualTo(before + 200);
    runtime.assertStillServes();
  }

  @Test
  void largeAnswersNeverTakeMoreThanTheBound() throws Exception {
    String large = echo(100 << 10);
    for (int i = 0; i < 30; i++) {
      assertThat(post(large, "writer-" + i % 3, "large-" + i).statusCode()).isEqualTo(200);

      assertThat(memoryBytes()).isPositive().isLessThanOrEqualTo(MAX_BYTES);
    }
    runtime.assertStillServes();
  }

  @Test
  void anAnswerTooLargeToKeepIsNeverRunAgain() throws Exception {
    String huge = echo(300 << 10);
    assertThat(post(huge, "ann", "huge").statusCode()).isEqualTo(200);

    HttpResponse<String> repeat = post(huge, "ann", "huge");

    assertThat(repeat.statusCode()).isEqualTo(409);
    ProblemAssert.isProblem(repeat, "idempotency-reply-too-large");
    runtime.assertStillServes();
  }

  private static String echo(int size) {
    return new JsonObject()
        .put("intent", "call_reasoning")
        .put("input", new JsonObject().put("text", "x".repeat(size)))
        .encode();
  }

  private static HttpResponse<String> post(String body, String principal, String key)
      throws Exception {
    return runtime.post("/dispatch", body, "x-agent-principal", principal, "idempotency-key", key);
  }

  private static double memoryBytes() throws Exception {
    Matcher gauge = MEMORY_GAUGE.matcher(runtime.management("/metrics").body());
    assertThat(gauge.find()).as("agent_idempotency_memory_bytes is exported").isTrue();
    return Double.parseDouble(gauge.group(1));
  }
}
