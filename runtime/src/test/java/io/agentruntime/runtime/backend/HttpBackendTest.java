package io.agentruntime.runtime.backend;

import static io.agentruntime.runtime.backend.Outcomes.PATIENCE;
import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.RefusedPort;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpBackendTest {

  private static final String INTENT = "lookup_order";
  private static final JsonObject INPUT = new JsonObject().put("orderId", "42");
  private static final JsonObject CONTEXT = new JsonObject().put("user_id", "alice");
  private static final JsonObject DECISION =
      new JsonObject()
          .put("effect", "Allow")
          .put("policies", new JsonArray().add("allow-orders"))
          .put("mode", "Enforce");
  private static final BackendCall CALL =
      new BackendCall("req-7", INTENT, INPUT, CONTEXT, DECISION);

  @RegisterExtension final BackendBench bench = new BackendBench();
  private LoopbackServer stub;

  @Test
  void postsTheDispatchAsJsonAndReturnsTheAnsweredObject() throws Exception {
    JsonObject answer = new JsonObject().put("status", "shipped");
    Backend backend = backendAnswering(Responders.answering(answer), Duration.ofSeconds(5));

    JsonObject result = resultOf(backend.invoke(CALL));

    assertThat(result).isEqualTo(answer);
    LoopbackServer.Received received = stub.received().getFirst();
    assertThat(received.path()).isEqualTo("/lookup");
    assertThat(received.headers().get("content-type")).isEqualTo("application/json");
    assertThat(received.headers().get("x-request-id")).isEqualTo("req-7");
    assertThat(received.json())
        .isEqualTo(
            new JsonObject()
                .put("intent", INTENT)
                .put("input", INPUT)
                .put("context", CONTEXT)
                .put("decision", DECISION));
  }

  @Test
  void anErrorStatusFailsNamingTheUrlTheStatusAndTheBody() throws Exception {
    Backend backend =
        backendAnswering(
            Responders.answering(500, "{\"error\":\"database down\"}"), Duration.ofSeconds(5));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining(stub.url("/lookup").toString())
        .hasMessageContaining("500")
        .hasMessageContaining("database down");
  }

  @Test
  void aBodyThatIsNotJsonFailsShowingItsFirstBytes() throws Exception {
    Backend backend =
        backendAnswering(
            Responders.answering(200, "<html>maintenance</html>"), Duration.ofSeconds(5));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("<html>maintenance");
  }

  @Test
  void jsonThatIsNotAnObjectFails() throws Exception {
    Backend backend = backendAnswering(Responders.answering(200, "[1,2]"), Duration.ofSeconds(5));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("not an object");
  }

  @Test
  void aRefusedConnectionFailsNamingTheUrl() throws Exception {
    Throwable failure;
    URI url;
    try (RefusedPort closed = RefusedPort.reserve()) {
      url = URI.create("http://127.0.0.1:" + closed.port() + "/lookup");
      failure = failureOf(bench.backend(intent(url, Duration.ofSeconds(5))).invoke(CALL));
    }

    assertThat(failure)
        .isExactlyInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(url.toString())
        .hasMessageContaining("nothing was sent");
  }

  @Test
  void aBackendThatNeverAnswersTimesOutAndItsConnectionIsClosed() throws Exception {
    Backend backend = backendAnswering(Responders.hanging(), Duration.ofMillis(300));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isInstanceOf(BackendTimeoutException.class)
        .hasMessageContaining(INTENT)
        .hasMessageContaining("300ms");
    await().atMost(PATIENCE).until(() -> stub.connectionsClosed() == 1);
  }

  @Test
  void aBackendThatKeepsTricklingBytesStillTimesOut() throws Exception {
    Backend backend = backendAnswering(trickling(), Duration.ofMillis(500));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure).isInstanceOf(BackendTimeoutException.class).hasMessageContaining(INTENT);
  }

  /** Sends a byte every 50 ms and never ends the response: an idle timeout never fires. */
  private LoopbackServer.Responder trickling() {
    return (request, arrival) -> {
      var response = request.response().setChunked(true);
      response.write("{");
      long timer = bench.vertx().setPeriodic(50, id -> response.write(" "));
      response.closeHandler(ignored -> bench.vertx().cancelTimer(timer));
    };
  }

  private Backend backendAnswering(LoopbackServer.Responder responder, Duration timeout) {
    stub = bench.server(responder);
    return bench.backend(intent(stub.url("/lookup"), timeout));
  }

  private static IntentConfig intent(URI url, Duration timeout) {
    return new IntentConfig(
        INTENT, timeout, new BackendConfig.Http(url, BackendConfig.Pool.of(10)));
  }
}
