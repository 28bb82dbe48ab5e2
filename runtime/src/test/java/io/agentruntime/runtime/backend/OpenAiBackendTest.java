package io.agentruntime.runtime.backend;

import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenAiBackendTest {

  private static final String INTENT = "summarize";
  private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";
  private static final JsonObject USAGE =
      new JsonObject().put("prompt_tokens", 12).put("completion_tokens", 5);
  private static final JsonObject COMPLETION =
      new JsonObject()
          .put("id", "chatcmpl-1")
          .put("model", MODEL)
          .put(
              "choices",
              new JsonArray()
                  .add(
                      new JsonObject()
                          .put("index", 0)
                          .put(
                              "message",
                              new JsonObject()
                                  .put("role", "assistant")
                                  .put("content", "Order 42 shipped."))
                          .put("finish_reason", "stop")))
          .put("usage", USAGE);

  @RegisterExtension final BackendBench bench = new BackendBench();
  private LoopbackServer stub;

  @Test
  void aPromptBecomesOneUserMessageAndTheFirstChoiceTheResult() throws Exception {
    Backend backend = backendAnswering(Responders.answering(COMPLETION));
    JsonObject input =
        new JsonObject()
            .put("prompt", "Summarize order 42")
            .put("max_tokens", 64)
            .put("temperature", 0.2);

    JsonObject result = resultOf(backend.invoke(call(input)));

    LoopbackServer.Received received = stub.received().getFirst();
    assertThat(received.path()).isEqualTo("/v1/chat/completions");
    assertThat(received.headers().get("x-request-id")).isEqualTo("req-9");
    assertThat(received.json())
        .isEqualTo(
            new JsonObject()
                .put("model", MODEL)
                .put("messages", userMessage("Summarize order 42"))
                .put("max_tokens", 64)
                .put("temperature", 0.2));
    assertThat(result)
        .isEqualTo(
            new JsonObject()
                .put("model", MODEL)
                .put("content", "Order 42 shipped.")
                .put("finishReason", "stop")
                .put("usage", USAGE));
  }

  @Test
  void inputMessagesAreSentAsTheyAre() throws Exception {
    Backend backend = backendAnswering(Responders.answering(COMPLETION));
    JsonArray messages =
        new JsonArray()
            .add(new JsonObject().put("role", "system").put("content", "Be brief."))
            .add(new JsonObject().put("role", "user").put("content", "Where is order 42?"));

    resultOf(backend.invoke(call(new JsonObject().put("messages", messages))));

    assertThat(stub.received().getFirst().json())
        .isEqualTo(new JsonObject().put("model", MODEL).put("messages", messages));
  }

  @Test
  void anInputWithoutPromptOrMessagesIsSentAsJsonText() throws Exception {
    Backend backend = backendAnswering(Responders.answering(COMPLETION));
    JsonObject input = new JsonObject().put("orderId", "42");

    resultOf(backend.invoke(call(input)));

    JsonArray sent = stub.received().getFirst().json().getJsonArray("messages");
    assertThat(sent).isEqualTo(userMessage(input.encode()));
  }

  @Test
  void messagesThatAreNotAnArrayFailNamingTheInputFieldWithoutCallingTheServer() throws Exception {
    Backend backend = backendAnswering(Responders.answering(COMPLETION));

    Throwable failure = failureOf(backend.invoke(call(new JsonObject().put("messages", "hi"))));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("input.messages");
    assertThat(stub.received()).isEmpty();
  }

  @Test
  void aCompletionWithoutChoicesFails() throws Exception {
    Backend backend =
        backendAnswering(Responders.answering(new JsonObject().put("choices", new JsonArray())));

    Throwable failure = failureOf(backend.invoke(call(new JsonObject().put("prompt", "hi"))));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("/v1/chat/completions")
        .hasMessageContaining("choices[0].message");
  }

  @Test
  void anErrorStatusFailsLikeAnyHttpBackend() throws Exception {
    Backend backend = backendAnswering(Responders.answering(503, "{\"error\":\"model loading\"}"));

    Throwable failure = failureOf(backend.invoke(call(new JsonObject().put("prompt", "hi"))));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("model loading");
  }

  private static BackendCall call(JsonObject input) {
    return new BackendCall(
        "req-9",
        INTENT,
        input,
        new JsonObject(),
        new JsonObject().put("effect", "Allow").put("mode", "Enforce"));
  }

  private static JsonArray userMessage(String content) {
    return new JsonArray().add(new JsonObject().put("role", "user").put("content", content));
  }

  private Backend backendAnswering(LoopbackServer.Responder responder) {
    stub = bench.server(responder);
    // a trailing slash on the server URL must not double the one of the completions path
    BackendConfig backend =
        new BackendConfig.OpenAi(stub.url("/"), MODEL, BackendConfig.Pool.of(10));
    return bench.backend(new IntentConfig(INTENT, Duration.ofSeconds(5), backend));
  }
}
