package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.agentruntime.runtime.testing.StreamingResponders;
import io.agentruntime.runtime.testing.StreamingResponders.Progress;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /dispatch} with {@code Accept: text/event-stream} through a real runtime to real
 * streaming servers on loopback that write their pieces a few hundred milliseconds apart.
 */
class StreamedDispatchTest {

  static final String BODY =
      "{\"intent\":\"call_reasoning\",\"context\":{\"user_id\":\"ann\"},"
          + "\"input\":{\"prompt\":\"Where is order 42?\"}}";
  private static final List<String> WORDS = List.of("Order ", "42 ", "shipped ", "today.");

  @TempDir Path dir;

  @Test
  void piecesAreRelayedAsTheModelWritesThemWithTheDecisionFirstAndTheUsageLast() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(
                StreamingResponders.openAiChunks(WORDS, Duration.ofMillis(300), progress));
        TestRuntime runtime = start(openAi(model, "timeout: 10s"))) {
      HttpResponse<Stream<String>> response = SseClient.post(runtime.uri("/dispatch"), BODY);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
      List<SseClient.Event> events = SseClient.events(response.body());

      assertThat(SseClient.names(events))
          .containsExactly("decision", "piece", "piece", "piece", "piece", "done");
      assertThat(events.get(1).arrivedNanos())
          .as("the first piece reached the caller before the model wrote its last")
          .isLessThan(progress.lastPieceNanos());
      assertThat(events.subList(1, 5).stream().map(e -> e.json().getString("content")))
          .containsExactlyElementsOf(WORDS);
      JsonObject decision = events.get(0).json();
      assertThat(decision.getJsonObject("decision").getString("effect")).isEqualTo("Allow");
      JsonObject done = events.get(5).json();
      assertThat(done.getString("requestId")).isEqualTo(decision.getString("requestId"));
      assertThat(done.getJsonObject("usage"))
          .isEqualTo(
              new JsonObject()
                  .put("promptTokens", 7)
                  .put("completionTokens", 4)
                  .put("totalTokens", 11));
      assertThat(done.getString("finishReason")).isEqualTo("stop");
      assertThat(done.getDouble("durationMs")).isGreaterThan(900.0);
      JsonObject sent = model.received().getFirst().json();
      assertThat(sent.getBoolean("stream")).isTrue();
      assertThat(sent.getJsonObject("stream_options").getBoolean("include_usage")).isTrue();
    }
  }

  @Test
  void aBackendFailingMidStreamEndsItWithOneErrorEvent() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer tool =
            LoopbackServer.start(
                StreamingResponders.failingAfter(2, Duration.ofMillis(200), progress));
        TestRuntime runtime = start(http(tool, "timeout: 10s"))) {
      HttpResponse<Stream<String>> response = SseClient.post(runtime.uri("/dispatch"), BODY);

      assertThat(response.statusCode()).isEqualTo(200);
      List<SseClient.Event> events = SseClient.events(response.body());
      assertThat(SseClient.names(events)).containsExactly("decision", "piece", "piece", "error");
      assertThat(events.get(2).json().getInteger("n")).isEqualTo(1);
      JsonObject problem = events.get(3).json();
      assertThat(problem.getString("type")).endsWith("/backend-error");
      assertThat(problem.getInteger("status")).isEqualTo(502);
      assertThat(problem.getString("requestId"))
          .isEqualTo(events.get(0).json().getString("requestId"));
    }
  }

  @Test
  void failuresBeforeTheFirstPieceAreTheUsualProblemAnswers() throws Exception {
    try (LoopbackServer failing = LoopbackServer.start(Responders.answering(500, "{}"));
        LoopbackServer silent = LoopbackServer.start(Responders.hanging());
        TestRuntime runtime =
            start(
                """
                intents:
                  - name: call_reasoning
                    backend: {type: http, url: "%s"}
                  - name: slow_model
                    timeout: 10s
                    firstByteTimeout: 300ms
                    backend: {type: http, url: "%s"}
                """
                    .formatted(failing.url("/"), silent.url("/")))) {
      HttpResponse<Stream<String>> failed = SseClient.post(runtime.uri("/dispatch"), BODY);
      assertThat(failed.statusCode()).isEqualTo(502);
      assertThat(failed.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(String.join("", failed.body().toList())).contains("answered HTTP 500");

      long start = System.nanoTime();
      HttpResponse<Stream<String>> late =
          SseClient.post(runtime.uri("/dispatch"), BODY.replace("call_reasoning", "slow_model"));
      assertThat(late.statusCode()).isEqualTo(504);
      assertThat(String.join("", late.body().toList()))
          .contains("sent no first piece within 300ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

      HttpResponse<Stream<String>> denied =
          SseClient.post(
              runtime.uri("/dispatch"),
              BODY.replace("\"user_id\":\"ann\"", "\"user_id\":\"ann\",\"suspended\":true"));
      assertThat(denied.statusCode()).isEqualTo(403);
      assertThat(String.join("", denied.body().toList())).contains("block-suspended-users");
    }
  }

  @Test
  void aBackendSilentBetweenPiecesPastIdleTimeoutEndsTheStreamWithAnError() throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(
                StreamingResponders.openAiChunks(WORDS, Duration.ofMillis(1_500), progress));
        TestRuntime runtime = start(openAi(model, "timeout: 10s\n    idleTimeout: 400ms"))) {
      List<SseClient.Event> events =
          SseClient.events(SseClient.post(runtime.uri("/dispatch"), BODY).body());

      assertThat(SseClient.names(events)).containsExactly("decision", "piece", "error");
      assertThat(events.get(2).json().getString("detail")).contains("sent no piece for 400ms");
      assertThat(events.get(2).json().getInteger("status")).isEqualTo(504);
      await()
          .atMost(Duration.ofSeconds(1))
          .untilAsserted(() -> assertThat(progress.closedNanos()).isPositive());
    }
  }

  @Test
  void echoStreamsThePromptInAFewPieces() throws Exception {
    try (TestRuntime runtime = start(TestRuntime.ECHO_INTENTS)) {
      List<SseClient.Event> events =
          SseClient.events(SseClient.post(runtime.uri("/dispatch"), BODY).body());

      assertThat(SseClient.names(events))
          .containsExactly("decision", "piece", "piece", "piece", "piece", "done");
      assertThat(
              String.join(
                  "",
                  events.subList(1, 5).stream().map(e -> e.json().getString("content")).toList()))
          .isEqualTo("Where is order 42?");
      assertThat(events.get(4).arrivedNanos() - events.get(1).arrivedNanos())
          .as("the pieces come over time, not at once")
          .isGreaterThan(Duration.ofMillis(300).toNanos());
    }
  }

  @Test
  void aRepeatedIdempotencyKeyReplaysTheRecordedStreamWithoutCallingTheModelAgain()
      throws Exception {
    Progress progress = new Progress();
    try (LoopbackServer model =
            LoopbackServer.start(
                StreamingResponders.openAiChunks(WORDS, Duration.ofMillis(200), progress));
        TestRuntime runtime = start(openAi(model, "timeout: 10s"))) {
      HttpResponse<Stream<String>> first =
          SseClient.post(runtime.uri("/dispatch"), BODY, "idempotency-key", "k-1");
      // sent while the first still streams: waits for it, then gets the whole recording
      HttpResponse<Stream<String>> whileRunning =
          SseClient.post(runtime.uri("/dispatch"), BODY, "idempotency-key", "k-1");
      List<SseClient.Event> original = SseClient.events(first.body());
      List<SseClient.Event> replayed = SseClient.events(whileRunning.body());
      HttpResponse<Stream<String>> after =
          SseClient.post(runtime.uri("/dispatch"), BODY, "idempotency-key", "k-1");

      assertThat(whileRunning.headers().firstValue("idempotent-replayed")).hasValue("true");
      assertThat(after.headers().firstValue("content-type")).hasValue("text/event-stream");
      assertThat(replayed.stream().map(SseClient.Event::data))
          .containsExactlyElementsOf(original.stream().map(SseClient.Event::data).toList())
          .containsExactlyElementsOf(
              SseClient.events(after.body()).stream().map(SseClient.Event::data).toList());
      assertThat(SseClient.names(original)).endsWith("done");
      assertThat(model.receivedCount()).isEqualTo(1);

      var unstreamed = runtime.post("/dispatch", BODY, "idempotency-key", "k-1");
      assertThat(unstreamed.statusCode()).as(unstreamed.body()).isEqualTo(422);
    }
  }

  TestRuntime start(String intents) throws Exception {
    return TestRuntime.start(
        dir,
        intents,
        Map.of("allow.cedar", TestRuntime.ALLOW_ALL, "block.cedar", TestRuntime.BLOCK_SUSPENDED));
  }

  static String openAi(LoopbackServer model, String settings) {
    return """
        intents:
          - name: call_reasoning
            %s
            backend: {type: openai, url: "%s", model: test-model}
        """
        .formatted(settings, model.url(""));
  }

  static String http(LoopbackServer tool, String settings) {
    return """
        intents:
          - name: call_reasoning
            %s
            backend: {type: http, url: "%s"}
        """
        .formatted(settings, tool.url("/tool"));
  }
}
