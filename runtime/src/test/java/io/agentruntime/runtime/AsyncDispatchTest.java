package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Prefer: respond-async} in local mode: an embedded SQS-compatible queue (ElasticMQ) in the
 * runtime's process, records in memory and a worker beside the API, reached over real HTTP.
 */
class AsyncDispatchTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ORDER =
      "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"order\": 7}}";
  private static final String ASYNC = "respond-async";

  @TempDir Path dir;

  static String config(LoopbackServer backend) {
    return TestRuntime.baseConfig()
        + """
        async:
          queue: {embedded: true}
          worker: {waitTime: 1s, visibilityTimeout: 5s}
        intents:
          - name: call_reasoning
            backend: {type: echo}
          - name: lookup_order
            backend: {type: http, url: "%s"}
            async: {timeout: 10s, maxAttempts: 2, resultTtl: 1h}
        """
            .formatted(backend.url("/tool"));
  }

  private TestRuntime start(LoopbackServer backend, String policy) throws Exception {
    return TestRuntime.start(dir, config(backend), Map.of("policies.cedar", policy), Map.of());
  }

  @Test
  void anAcceptedDispatchIsQueuedRunAndReadableAtItsLocation() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend, TestRuntime.ALLOW_ALL)) {
      HttpResponse<String> accepted = runtime.post("/dispatch", ORDER, "prefer", ASYNC);

      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      JsonObject body = new JsonObject(accepted.body());
      String location = accepted.headers().firstValue("location").orElseThrow();
      assertThat(location).isEqualTo("/v1/dispatches/" + body.getString("id"));
      assertThat(body.getString("status")).isEqualTo("queued");
      assertThat(body.getJsonObject("decision").getString("effect")).isEqualTo("Allow");
      assertThat(accepted.headers().firstValue("preference-applied")).hasValue(ASYNC);

      JsonObject done = awaitFinished(runtime, location, "ann");
      assertThat(done.getString("status")).isEqualTo("succeeded");
      assertThat(done.getJsonObject("result")).isEqualTo(new JsonObject().put("call", 1));
      assertThat(done.getJsonObject("transitions").fieldNames())
          .containsExactly("queued", "running", "succeeded");
      assertThat(done.getJsonArray("attempts")).hasSize(1);
      assertThat(backend.received().getFirst().json().getJsonObject("input").getInteger("order"))
          .isEqualTo(7);
      assertThat(runtime.management("/metrics").body())
          .contains("agent_async_queued_total{intent=\"lookup_order\"} 1.0")
          .contains(
              "agent_async_finished_total{intent=\"lookup_order\",outcome=\"succeeded\"} 1.0");
    }
  }

  @Test
  void aDeniedDispatchGetsTheSame403AndIsNeverQueued() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend, TestRuntime.ALLOW_ALL + TestRuntime.BLOCK_SUSPENDED)) {
      String suspended =
          ORDER.replace("\"user_id\": \"ann\"", "\"user_id\": \"ann\", \"suspended\": true");

      HttpResponse<String> sync = runtime.post("/dispatch", suspended);
      HttpResponse<String> async = runtime.post("/dispatch", suspended, "prefer", ASYNC);

      assertThat(async.statusCode()).isEqualTo(403);
      assertThat(new JsonObject(async.body()).getJsonArray("policies"))
          .isEqualTo(new JsonObject(sync.body()).getJsonArray("policies"));
      assertThat(async.headers().firstValue("location")).isEmpty();
      assertThat(runtime.management("/metrics").body()).doesNotContain("agent_async_queued_total{");
      assertThat(backend.receivedCount()).isZero();
    }
  }

  @Test
  void theSameIdempotencyKeyGivesOneIdAndOneRun() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend, TestRuntime.ALLOW_ALL)) {
      HttpResponse<String> first =
          runtime.post("/dispatch", ORDER, "prefer", ASYNC, "idempotency-key", "order-7");
      HttpResponse<String> repeat =
          runtime.post("/dispatch", ORDER, "prefer", ASYNC, "idempotency-key", "order-7");

      String id = new JsonObject(first.body()).getString("id");
      assertThat(new JsonObject(repeat.body()).getString("id")).isEqualTo(id);
      awaitFinished(runtime, "/v1/dispatches/" + id, "ann");
      await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> backend.receivedCount() == 1);
    }
  }

  @Test
  void anotherPrincipalNeitherSeesNorCancelsADispatch() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        TestRuntime runtime = start(backend, TestRuntime.ALLOW_ALL)) {
      String location =
          runtime
              .post("/dispatch", ORDER, "prefer", ASYNC)
              .headers()
              .firstValue("location")
              .orElseThrow();

      HttpResponse<String> read = runtime.get(location, "x-agent-principal", "bob");
      HttpResponse<String> cancel = runtime.delete(location, "x-agent-principal", "bob");
      HttpResponse<String> unknown =
          runtime.get("/v1/dispatches/nothing-here", "x-agent-principal", "ann");

      assertThat(read.statusCode()).isEqualTo(404);
      ProblemAssert.isProblem(read, "not-found");
      assertThat(cancel.statusCode()).isEqualTo(404);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(awaitFinished(runtime, location, "ann").getString("status"))
          .isEqualTo("succeeded");
    }
  }

  @Test
  void aResultOverTheRecordLimitFailsClearlyAndIsNotTruncated() throws Exception {
    JsonObject large = new JsonObject().put("text", "x".repeat(400 * 1024));
    try (LoopbackServer backend = LoopbackServer.start(Responders.answering(large));
        TestRuntime runtime = start(backend, TestRuntime.ALLOW_ALL)) {
      String location =
          runtime
              .post("/dispatch", ORDER, "prefer", ASYNC)
              .headers()
              .firstValue("location")
              .orElseThrow();

      JsonObject done = awaitFinished(runtime, location, "ann");

      assertThat(done.getString("status")).isEqualTo("failed");
      assertThat(done.containsKey("result")).isFalse();
      assertThat(done.getJsonObject("problem").getString("type")).endsWith("/result-too-large");
      assertThat(done.getJsonObject("problem").getString("detail")).contains("307200");
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  /** Polls the dispatch's location as its owner until it finished; its last state. */
  static JsonObject awaitFinished(TestRuntime runtime, String location, String owner) {
    return awaitFinished(runtime, location, owner, WAIT);
  }

  /**
   * Polls the dispatch's location as its owner for up to {@code wait} until it finished; its last
   * state. A dispatch still unfinished fails with the last state seen, so the attempts show why.
   */
  static JsonObject awaitFinished(
      TestRuntime runtime, String location, String owner, Duration wait) {
    String[] last = {"nothing"};
    try {
      await()
          .atMost(wait)
          .until(
              () -> {
                HttpResponse<String> read = runtime.get(location, "x-agent-principal", owner);
                last[0] = read.statusCode() + " " + read.body();
                if (read.statusCode() == 503) {
                  return false; // the records are briefly out of reach: a client polls again
                }
                assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
                String status = new JsonObject(read.body()).getString("status");
                return !status.equals("queued") && !status.equals("running");
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          location + " unfinished after " + wait + "; last answer: " + last[0], e);
    }
    return new JsonObject(last[0].substring(last[0].indexOf(' ') + 1));
  }
}
