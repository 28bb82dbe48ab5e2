package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code call_reasoning} through a real runtime to an OpenAI-compatible model server on loopback,
 * as the operator wires it to the inference pool: the completion comes back; a server slower than
 * the intent's timeout gives 504; a pool with no server listening (scaled to zero, starting) gives
 * 503 with Retry-After, the call never sent.
 */
class InferenceDispatchTest {

  private static final String BODY =
      "{\"intent\":\"call_reasoning\",\"context\":{\"user_id\":\"test\"},"
          + "\"input\":{\"prompt\":\"Where is order 42?\"}}";

  @TempDir Path dir;
  private Vertx vertx;
  private final AtomicLong delayMillis = new AtomicLong();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theModelServersCompletionIsTheResultAndASlowServerTimesOut() throws Exception {
    HttpServer server = modelServer();
    try (TestRuntime runtime = start(server.actualPort())) {
      var answered = runtime.post("/dispatch", BODY);

      assertThat(answered.statusCode()).isEqualTo(200);
      JsonObject result = new JsonObject(answered.body()).getJsonObject("result");
      assertThat(result.encode()).contains("Order 42 shipped.");

      delayMillis.set(2_000);
      var late = runtime.post("/dispatch", BODY);

      assertThat(late.statusCode()).isEqualTo(504);
      assertThat(late.body()).contains("backend-timeout");
    } finally {
      server.close().await(5, TimeUnit.SECONDS);
    }
  }

  private TestRuntime start(int port) throws Exception {
    String intents =
        """
        intents:
          - name: call_reasoning
            timeout: 500ms
            backend:
              type: openai
              url: http://127.0.0.1:%d
              model: meta-llama/Llama-3.1-8B-Instruct
        """
            .formatted(port);
    return TestRuntime.start(dir, intents, Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }

  /** Answers chat completions after {@link #delayMillis}, as vLLM's OpenAI server does. */
  private HttpServer modelServer() throws Exception {
    return vertx
        .createHttpServer()
        .requestHandler(
            request ->
                request
                    .body()
                    .onSuccess(
                        body ->
                            vertx.setTimer(
                                Math.max(1, delayMillis.get()),
                                id ->
                                    request
                                        .response()
                                        .putHeader("content-type", "application/json")
                                        .end(completion().encode()))))
        .listen(0, "127.0.0.1")
        .await(5, TimeUnit.SECONDS);
  }

  private static JsonObject completion() {
    return new JsonObject()
        .put("id", "chatcmpl-1")
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
                        .put("finish_reason", "stop")));
  }
}
