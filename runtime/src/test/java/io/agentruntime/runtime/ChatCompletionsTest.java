package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.agentruntime.runtime.testing.StreamingResponders;
import io.agentruntime.runtime.testing.StreamingResponders.Progress;
import io.vertx.core.json.JsonArray;
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
 * The OpenAI face, {@code /v1/chat/completions} and {@code /v1/models}, through a real runtime to
 * real model servers on loopback: OpenAI's formats in, OpenAI's formats out, the runtime's
 * governance in between.
 */
class ChatCompletionsTest {

  private static final String COMPLETION =
      """
      {"id":"cmpl-1","object":"chat.completion","model":"whole-model",
       "choices":[{"index":0,"message":{"role":"assistant","content":"Order 42 shipped."},"finish_reason":"stop"}],
       "usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}
      """;

  private static final String ALLOW_ANN =
      """
      @id("allow-ann")
      permit (principal == User::"ann", action, resource);
      """;

  private static final String LIMITED =
      """
      @id("two-a-minute")
      @rateLimit("2/1m")
      permit (principal == User::"bob", action, resource);
      """;

  @TempDir Path dir;
  private LoopbackServer whole;
  private LoopbackServer streaming;
  private TestRuntime runtime;

  @BeforeEach
  void start() throws Exception {
    whole = LoopbackServer.start(Responders.answering(new JsonObject(COMPLETION)));
    streaming =
        LoopbackServer.start(
            StreamingResponders.openAiChunks(
                List.of("Order ", "42 ", "shipped."), Duration.ofMillis(200), new Progress()));
    runtime =
        TestRuntime.start(
            dir,
            """
            intents:
              - name: call_reasoning
                backend: {type: echo}
              - name: summarize
                backend: {type: openai, url: "%s", model: whole-model}
              - name: chat
                backend: {type: openai, url: "%s", model: stream-model}
            """
                .formatted(whole.url(""), streaming.url("")),
            Map.of(
                "allow.cedar",
                ALLOW_ANN,
                "block.cedar",
                TestRuntime.BLOCK_SUSPENDED,
                "limited.cedar",
                LIMITED));
  }

  @AfterEach
  void stop() throws Exception {
    runtime.close();
    whole.close();
    streaming.close();
  }

  @Test
  void aChatCompletionIsDecidedAndAnsweredInOpenAisFormatWithUnknownFieldsPassedThrough()
      throws Exception {
    var response =
        runtime.post(
            "/v1/chat/completions",
            """
            {"model":"whole-model","messages":[{"role":"user","content":"Where is order 42?"}],
             "user":"ann","metadata":{"tier":"paid"},"max_tokens":64,"top_p":0.5}
            """);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject completion = new JsonObject(response.body());
    assertThat(completion.getString("object")).isEqualTo("chat.completion");
    assertThat(completion.getString("id")).startsWith("chatcmpl-");
    JsonObject choice = completion.getJsonArray("choices").getJsonObject(0);
    assertThat(choice.getJsonObject("message").getString("content")).isEqualTo("Order 42 shipped.");
    assertThat(choice.getString("finish_reason")).isEqualTo("stop");
    assertThat(completion.getJsonObject("usage").getInteger("total_tokens")).isEqualTo(13);
    JsonObject sent = whole.received().getFirst().json();
    assertThat(sent.getString("model")).isEqualTo("whole-model");
    assertThat(sent.getDouble("top_p")).isEqualTo(0.5);
    assertThat(sent.getInteger("max_tokens")).isEqualTo(64);
    assertThat(sent.containsKey("metadata"))
        .as("metadata is the Cedar context, not sent")
        .isFalse();
  }

  @Test
  void aStreamedChatCompletionIsChunksEndingWithDone() throws Exception {
    HttpResponse<Stream<String>> response =
        SseClient.post(
            runtime.uri("/v1/chat/completions"),
            """
            {"model":"stream-model","messages":[{"role":"user","content":"Where is order 42?"}],
             "user":"ann","stream":true,"stream_options":{"include_usage":true}}
            """);

    assertThat(response.statusCode()).isEqualTo(200);
    List<SseClient.Event> events = SseClient.events(response.body());
    assertThat(events.getLast().data()).isEqualTo("[DONE]");
    List<JsonObject> chunks =
        events.subList(0, events.size() - 1).stream().map(SseClient.Event::json).toList();
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.getString("object")).isEqualTo("chat.completion.chunk"));
    assertThat(
            chunks.stream()
                .map(c -> c.getJsonArray("choices"))
                .filter(choices -> !choices.isEmpty())
                .map(
                    choices -> choices.getJsonObject(0).getJsonObject("delta").getString("content"))
                .filter(content -> content != null)
                .reduce("", String::concat))
        .isEqualTo("Order 42 shipped.");
    JsonObject finish = chunks.get(chunks.size() - 2).getJsonArray("choices").getJsonObject(0);
    assertThat(finish.getString("finish_reason")).isEqualTo("stop");
    assertThat(chunks.getLast().getJsonArray("choices")).isEqualTo(new JsonArray());
    assertThat(chunks.getLast().getJsonObject("usage").getInteger("completion_tokens"))
        .isEqualTo(3);
  }

  @Test
  void errorsAreOpenAiErrorsWithTheMatchingStatus() throws Exception {
    var unknown =
        runtime.post(
            "/v1/chat/completions", "{\"model\":\"gpt-9\",\"messages\":[],\"user\":\"ann\"}");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(unknown.body()).getJsonObject("error").getString("code"))
        .isEqualTo("model_not_found");

    var denied =
        runtime.post(
            "/v1/chat/completions",
            "{\"model\":\"whole-model\",\"messages\":[],\"user\":\"ann\","
                + "\"metadata\":{\"suspended\":true}}");
    assertThat(denied.statusCode()).isEqualTo(403);
    JsonObject error = new JsonObject(denied.body()).getJsonObject("error");
    assertThat(error.getString("type")).isEqualTo("permission_error");
    assertThat(error.getString("code")).isEqualTo("denied");
    assertThat(error.getString("message")).contains("block-suspended-users");

    var nobody =
        runtime.post("/v1/chat/completions", "{\"model\":\"whole-model\",\"messages\":[]}");
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(nobody.body()).getJsonObject("error").getString("type"))
        .isEqualTo("authentication_error");

    String bob = "{\"model\":\"whole-model\",\"messages\":[],\"user\":\"bob\"}";
    runtime.post("/v1/chat/completions", bob);
    runtime.post("/v1/chat/completions", bob);
    var limited = runtime.post("/v1/chat/completions", bob);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).isPresent();
    assertThat(new JsonObject(limited.body()).getJsonObject("error").getString("type"))
        .isEqualTo("rate_limit_error");

    HttpResponse<Stream<String>> streamedDenial =
        SseClient.post(
            runtime.uri("/v1/chat/completions"),
            "{\"model\":\"stream-model\",\"messages\":[],\"stream\":true,\"user\":\"eve\"}");
    assertThat(streamedDenial.statusCode()).isEqualTo(403);
    assertThat(String.join("", streamedDenial.body().toList())).contains("\"permission_error\"");
  }

  @Test
  void modelsListsOnlyTheModelsTheCallerMayCall() throws Exception {
    runtime.writePolicy(
        "dave.cedar",
        """
        @id("dave-may-chat")
        permit (principal == User::"dave", action == Action::"chat", resource);
        """);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(modelIds("dave")).as("dave's models").containsExactly("stream-model"));
    assertThat(modelIds("ann")).containsExactly("whole-model", "stream-model");
    assertThat(modelIds("carl")).as("a caller no policy permits").isEmpty();
  }

  @Test
  void modelsWithoutACallerIsAnOpenAiAuthenticationError() throws Exception {
    var models = runtime.get("/v1/models");

    assertThat(models.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(models.body()).getJsonObject("error").getString("type"))
        .isEqualTo("authentication_error");
  }

  private List<String> modelIds(String principal) throws Exception {
    var models = runtime.get("/v1/models", "x-agent-principal", principal);
    assertThat(models.statusCode()).as(models.body()).isEqualTo(200);
    JsonObject list = new JsonObject(models.body());
    assertThat(list.getString("object")).isEqualTo("list");
    return list.getJsonArray("data").stream().map(m -> ((JsonObject) m).getString("id")).toList();
  }
}
