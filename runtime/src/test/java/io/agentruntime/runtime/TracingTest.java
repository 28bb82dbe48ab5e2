package io.agentruntime.runtime;

import static io.agentruntime.runtime.testing.OtlpCollector.attribute;
import static io.agentruntime.runtime.testing.OtlpCollector.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.OtlpCollector;
import io.agentruntime.runtime.testing.Responders;
import io.agentruntime.runtime.testing.StreamingResponders;
import io.agentruntime.runtime.testing.StreamingResponders.Progress;
import io.opentelemetry.proto.trace.v1.Span;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traces as a collector receives them: a runtime with {@code tracing} exports its spans over
 * OTLP/HTTP to a real receiver on loopback, continues the caller's {@code traceparent} and hands
 * the trace on to its backends, through the queue to a worker as well.
 */
class TracingTest {

  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final String TRACEPARENT = "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01";
  private static final Duration EXPORTED = Duration.ofSeconds(20);

  private static final String COMPLETION =
      """
      {"id":"cmpl-1","object":"chat.completion","model":"whole-model-2026",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Order 42 shipped."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}
      """;

  @TempDir Path dir;
  private OtlpCollector collector;
  private LoopbackServer whole;
  private LoopbackServer streaming;
  private TestRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    collector = OtlpCollector.start();
    whole = LoopbackServer.start(Responders.answering(new JsonObject(COMPLETION)));
    streaming =
        LoopbackServer.start(
            StreamingResponders.openAiChunks(
                List.of("Order ", "42 ", "shipped."), Duration.ofMillis(100), new Progress()));
    runtime = start(false);
  }

  /** A traced runtime; {@code queued}: with an embedded queue and a worker in process. */
  private TestRuntime start(boolean queued) throws Exception {
    String queue =
        """
        async:
          queue: {embedded: true}
          worker: {waitTime: 1s, visibilityTimeout: 5s}
        """;
    return TestRuntime.start(
        dir,
        TestRuntime.baseConfig()
            + "tracing: {endpoint: \"%s\", samplingRatio: 1}\n".formatted(collector.endpoint())
            + (queued ? queue : "")
            + """
            intents:
              - name: summarize
                backend: {type: openai, url: "%s", model: whole-model}
                async: {timeout: 10s}
              - name: chat
                backend: {type: openai, url: "%s", model: stream-model}
            """
                .formatted(whole.url(""), streaming.url("")),
        Map.of("allow.cedar", TestRuntime.ALLOW_ALL),
        Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    whole.close();
    streaming.close();
    collector.close();
  }

  @Test
  void aDispatchContinuesTheCallersTraceWithItsStepsAndTheModelCall() throws Exception {
    HttpResponse<String> answer =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"summarize\", \"context\": {\"user_id\": \"ann\"},"
                + " \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}}",
            "traceparent",
            TRACEPARENT);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);

    Span server = exported("POST /dispatch");
    Span decision = exported("agentruntime.decision");
    Span rateLimit = exported("agentruntime.rate_limit");
    Span model = exported("chat whole-model");

    assertThat(hex(server.getTraceId())).isEqualTo(CALLER_TRACE);
    assertThat(hex(server.getParentSpanId())).isEqualTo(CALLER_SPAN);
    assertThat(server.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(attribute(server, "http.response.status_code").orElseThrow().getIntValue())
        .isEqualTo(200);
    assertThat(attribute(server, "agentruntime.intent").orElseThrow().getStringValue())
        .isEqualTo("summarize");
    for (Span child : List.of(decision, rateLimit, model)) {
      assertThat(child.getTraceId()).isEqualTo(server.getTraceId());
      assertThat(child.getParentSpanId()).as(child.getName()).isEqualTo(server.getSpanId());
    }
    assertThat(attribute(decision, "agentruntime.decision.effect").orElseThrow().getStringValue())
        .isEqualTo("allow");
    assertThat(model.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(attribute(model, "gen_ai.request.model").orElseThrow().getStringValue())
        .isEqualTo("whole-model");
    assertThat(attribute(model, "gen_ai.response.model").orElseThrow().getStringValue())
        .isEqualTo("whole-model-2026");
    assertThat(attribute(model, "gen_ai.usage.input_tokens").orElseThrow().getIntValue())
        .isEqualTo(9);
    assertThat(attribute(model, "gen_ai.usage.output_tokens").orElseThrow().getIntValue())
        .isEqualTo(4);
    // the model server was called in the same trace, as a child of the model call's span
    assertThat(whole.received().getFirst().headers().get("traceparent"))
        .isEqualTo("00-" + CALLER_TRACE + "-" + hex(model.getSpanId()) + "-01");
    assertThat(collector.serviceNames()).contains("test");
  }

  @Test
  void aStreamedChatCompletionRecordsTheTimeToItsFirstChunk() throws Exception {
    HttpResponse<Stream<String>> answer =
        SseClient.post(
            runtime.uri("/v1/chat/completions"),
            """
            {"model": "stream-model", "stream": true, "user": "ann",
             "messages": [{"role": "user", "content": "where is my order?"}]}
            """);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(SseClient.events(answer.body())).isNotEmpty();

    Span server = exported("POST /v1/chat/completions");
    Span model = exported("chat stream-model");

    assertThat(hex(server.getParentSpanId())).as("a new trace").isEmpty();
    assertThat(model.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(model.getEventsList())
        .extracting(Span.Event::getName)
        .contains("gen_ai.first_chunk");
    // the first of three pieces 100 ms apart: after the call began, well before it ended
    double firstChunk =
        attribute(model, "gen_ai.response.time_to_first_chunk").orElseThrow().getDoubleValue();
    double whole = (model.getEndTimeUnixNano() - model.getStartTimeUnixNano()) / 1e9;
    assertThat(firstChunk).isPositive().isLessThan(whole);
    assertThat(attribute(model, "agentruntime.streamed").orElseThrow().getBoolValue()).isTrue();
    assertThat(streaming.received().getFirst().headers().get("traceparent"))
        .startsWith("00-" + hex(server.getTraceId()) + "-" + hex(model.getSpanId()) + "-");
  }

  @Test
  void aQueuedDispatchIsRunByTheWorkerInTheTraceThatQueuedIt() throws Exception {
    runtime.close();
    runtime = start(true);
    HttpResponse<String> accepted =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"summarize\", \"context\": {\"user_id\": \"ann\"},"
                + " \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}}",
            "traceparent",
            TRACEPARENT,
            "prefer",
            "respond-async");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    Span server = exported("POST /dispatch");
    Span enqueue = exported("agentruntime.dispatch.enqueue");
    Span run = exported("agentruntime.dispatch.run");
    Span model = exported("chat whole-model");

    assertThat(enqueue.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(hex(run.getTraceId())).isEqualTo(CALLER_TRACE);
    assertThat(run.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(run.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CONSUMER);
    assertThat(model.getParentSpanId()).isEqualTo(run.getSpanId());
    assertThat(whole.received().getFirst().headers().get("traceparent"))
        .isEqualTo("00-" + CALLER_TRACE + "-" + hex(model.getSpanId()) + "-01");
  }

  private Span exported(String name) {
    return await()
        .atMost(EXPORTED)
        .until(() -> collector.span(name), java.util.Optional::isPresent)
        .orElseThrow();
  }
}
