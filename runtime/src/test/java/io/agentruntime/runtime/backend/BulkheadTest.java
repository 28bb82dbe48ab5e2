package io.agentruntime.runtime.backend;

import static io.agentruntime.runtime.backend.Outcomes.PATIENCE;
import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.config.BackendConfig;
import io.agentruntime.runtime.config.IntentConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each HTTP backend admits at most its pool plus its wait queue; the rest is refused unsent. */
class BulkheadTest {

  private static final JsonObject ANSWER = new JsonObject().put("ok", true);

  private Vertx vertx;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable resource : resources.reversed()) {
      resource.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aCallBeyondThePoolAndItsQueueIsRefusedWithoutBeingSent() throws Exception {
    StubServer hanging = stub(StubServer.hanging());
    Backend backend = backend(hanging.url("/slow"), Duration.ofSeconds(30), 1, 1);
    Bulkhead bulkhead = backend.bulkhead().orElseThrow();

    Future<JsonObject> holding = backend.invoke(call("req-1"));
    Future<JsonObject> waiting = backend.invoke(call("req-2"));
    Throwable refused = failureOf(backend.invoke(call("req-3")));

    assertThat(refused)
        .isInstanceOf(BackendSaturatedException.class)
        .hasMessageNotContaining(hanging.url("/slow").toString())
        .hasMessageContaining("'lookup_order'")
        .hasMessageContaining("not sent");
    await().atMost(PATIENCE).until(() -> hanging.received().size() == 1);
    assertThat(hanging.received().getFirst().headers().get("x-request-id")).isEqualTo("req-1");
    assertThat(bulkhead.inFlight()).isEqualTo(2);
    assertThat(bulkhead.rejected()).isEqualTo(1);
    assertThat(holding.isComplete()).isFalse();
    assertThat(waiting.isComplete()).isFalse();
  }

  @Test
  void timedOutCallsLeaveTheBulkheadSoLaterCallsAreAdmitted() throws Exception {
    StubServer hanging = stub(StubServer.hanging());
    Backend backend = backend(hanging.url("/slow"), Duration.ofMillis(200), 1, 1);
    Bulkhead bulkhead = backend.bulkhead().orElseThrow();

    Future<JsonObject> first = backend.invoke(call("req-1"));
    Future<JsonObject> second = backend.invoke(call("req-2"));

    assertThat(failureOf(first)).isInstanceOf(BackendTimeoutException.class);
    assertThat(failureOf(second)).isInstanceOf(BackendTimeoutException.class);
    await().atMost(PATIENCE).until(() -> bulkhead.inFlight() == 0);
    assertThat(failureOf(backend.invoke(call("req-3"))))
        .isInstanceOf(BackendTimeoutException.class);
    assertThat(bulkhead.rejected()).isZero();
  }

  @Test
  void aBurstWithinThePoolAndItsQueueIsServedInFull() throws Exception {
    StubServer stub = stub(answeringAfter(Duration.ofMillis(20)));
    Backend backend = backend(stub.url("/lookup"), Duration.ofSeconds(30), 2, 8);

    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(backend.invoke(call("req-" + i)));
    }

    for (Future<JsonObject> call : calls) {
      assertThat(resultOf(call)).isEqualTo(ANSWER);
    }
    assertThat(stub.received()).hasSize(10);
    assertThat(backend.bulkhead().orElseThrow().rejected()).isZero();
    assertThat(backend.bulkhead().orElseThrow().inFlight()).isZero();
  }

  @Test
  void aNonPositiveWaitQueueIsRejectedNamingTheField() {
    IntentConfig intent =
        new IntentConfig(
            "lookup_order",
            Duration.ofSeconds(1),
            new BackendConfig("http", URI.create("http://127.0.0.1:9/l"), null, 4, 0));

    assertThatThrownBy(() -> BackendRegistry.create(vertx, List.of(intent)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intents[].backend.maxPending")
        .hasMessageContaining("lookup_order");
  }

  @Test
  void theEchoBackendHasNoBulkhead() {
    assertThat(new EchoBackend().bulkhead()).isEmpty();
  }

  private Backend backend(URI url, Duration timeout, int maxConnections, int maxPending) {
    IntentConfig intent =
        new IntentConfig(
            "lookup_order",
            timeout,
            new BackendConfig("http", url, null, maxConnections, maxPending));
    BackendRegistry registry = BackendRegistry.create(vertx, List.of(intent));
    resources.add(registry);
    return registry.backend("lookup_order").orElseThrow();
  }

  private Handler<HttpServerRequest> answeringAfter(Duration delay) {
    Handler<HttpServerRequest> answer = StubServer.answering(ANSWER);
    return request -> vertx.setTimer(delay.toMillis(), id -> answer.handle(request));
  }

  private StubServer stub(Handler<HttpServerRequest> responder) throws Exception {
    StubServer stub = StubServer.start(vertx, responder);
    resources.add(stub);
    return stub;
  }

  private static BackendCall call(String requestId) {
    return new BackendCall(
        requestId, "lookup_order", new JsonObject(), new JsonObject(), new JsonObject());
  }
}
