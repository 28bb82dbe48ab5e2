package io.agentruntime.runtime.backend;

import static io.agentruntime.runtime.backend.Outcomes.PATIENCE;
import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.config.BackendConfig;
import io.agentruntime.runtime.config.IntentConfig;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  private Vertx vertx;
  private StubServer stub;
  private BackendRegistry registry;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (stub != null) {
      stub.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void postsTheDispatchAsJsonAndReturnsTheAnsweredObject() throws Exception {
    JsonObject answer = new JsonObject().put("status", "shipped");
    Backend backend = backendAnswering(StubServer.answering(answer), Duration.ofSeconds(5));

    JsonObject result = resultOf(backend.invoke(CALL));

    assertThat(result).isEqualTo(answer);
    StubServer.Received received = stub.received().getFirst();
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
    assertThat(backend.type()).isEqualTo("http");
  }

  @Test
  void anErrorStatusFailsNamingTheUrlTheStatusAndTheBody() throws Exception {
    Backend backend =
        backendAnswering(
            StubServer.answering(500, "{\"error\":\"database down\"}"), Duration.ofSeconds(5));

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
            StubServer.answering(200, "<html>maintenance</html>"), Duration.ofSeconds(5));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("<html>maintenance");
  }

  @Test
  void jsonThatIsNotAnObjectFails() throws Exception {
    Backend backend = backendAnswering(StubServer.answering(200, "[1,2]"), Duration.ofSeconds(5));

    Throwable failure = failureOf(backend.invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendException.class)
        .hasMessageContaining("not an object");
  }

  @Test
  void aRefusedConnectionFailsNamingTheUrl() throws Exception {
    StubServer stopped = StubServer.start(vertx, StubServer.hanging());
    URI url = stopped.url("/lookup");
    stopped.close();
    registry = BackendRegistry.create(vertx, List.of(intent(url, Duration.ofSeconds(5))));

    Throwable failure = failureOf(registry.backend(INTENT).orElseThrow().invoke(CALL));

    assertThat(failure)
        .isExactlyInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining(url.toString())
        .hasMessageContaining("nothing was sent");
  }

  @Test
  void aBackendThatNeverAnswersTimesOutAndItsConnectionIsClosed() throws Exception {
    Backend backend = backendAnswering(StubServer.hanging(), Duration.ofMillis(300));

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
  private Handler<HttpServerRequest> trickling() {
    return request -> {
      var response = request.response().setChunked(true);
      response.write("{");
      long timer = vertx.setPeriodic(50, id -> response.write(" "));
      response.closeHandler(ignored -> vertx.cancelTimer(timer));
    };
  }

  private Backend backendAnswering(Handler<HttpServerRequest> responder, Duration timeout)
      throws Exception {
    stub = StubServer.start(vertx, responder);
    registry = BackendRegistry.create(vertx, List.of(intent(stub.url("/lookup"), timeout)));
    return registry.backend(INTENT).orElseThrow();
  }

  private static IntentConfig intent(URI url, Duration timeout) {
    return new IntentConfig(INTENT, timeout, new BackendConfig("http", url, null, 10));
  }
}
