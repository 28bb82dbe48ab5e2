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

class BackendRegistryTest {

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
  void servesEachConfiguredIntentWithItsBackendType() {
    BackendRegistry registry =
        register(
            intent("call_reasoning", new BackendConfig("echo", null, null, 100)),
            intent("lookup_order", http(URI.create("http://127.0.0.1:9/lookup"), 10)));

    assertThat(registry.backend("call_reasoning"))
        .get()
        .extracting(Backend::type)
        .isEqualTo("echo");
    assertThat(registry.backend("lookup_order")).get().extracting(Backend::type).isEqualTo("http");
    assertThat(registry.backend("not_configured")).isEmpty();
  }

  @Test
  void anUnknownBackendTypeIsRejectedNamingTheField() {
    List<IntentConfig> intents =
        List.of(intent("call_reasoning", new BackendConfig("grpc", null, null, 100)));

    assertThatThrownBy(() -> BackendRegistry.create(vertx, intents))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intents[].backend.type")
        .hasMessageContaining("call_reasoning")
        .hasMessageContaining("grpc");
  }

  @Test
  void anHttpBackendWithoutUrlIsRejectedNamingTheField() {
    List<IntentConfig> intents = List.of(intent("lookup_order", http(null, 10)));

    assertThatThrownBy(() -> BackendRegistry.create(vertx, intents))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("intents[].backend.url")
        .hasMessageContaining("lookup_order");
  }

  @Test
  void concurrentCallsNeverOpenMoreConnectionsThanThePoolAllows() throws Exception {
    StubServer stub = stub(answeringAfter(Duration.ofMillis(20)));
    Backend backend =
        register(intent("lookup_order", http(stub.url("/lookup"), 4)))
            .backend("lookup_order")
            .orElseThrow();

    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      calls.add(backend.invoke(call("lookup_order", "req-" + i)));
    }

    for (Future<JsonObject> call : calls) {
      assertThat(resultOf(call)).isEqualTo(ANSWER);
    }
    assertThat(stub.received()).hasSize(40);
    assertThat(stub.connectionsOpened()).isBetween(1, 4);
  }

  @Test
  void aHangingBackendDoesNotDelayCallsToAnotherBackend() throws Exception {
    StubServer hanging = stub(StubServer.hanging());
    StubServer healthy = stub(StubServer.answering(ANSWER));
    BackendRegistry registry =
        register(
            intent("slow", http(hanging.url("/slow"), 2)),
            intent("fast", http(healthy.url("/fast"), 2)));

    List<Future<JsonObject>> slowCalls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      slowCalls.add(registry.backend("slow").orElseThrow().invoke(call("slow", "slow-" + i)));
    }
    await().atMost(PATIENCE).until(() -> hanging.received().size() == 2);

    for (int i = 0; i < 10; i++) {
      assertThat(resultOf(registry.backend("fast").orElseThrow().invoke(call("fast", "f-" + i))))
          .isEqualTo(ANSWER);
    }
    assertThat(slowCalls).noneMatch(Future::isComplete);
  }

  @Test
  void closingReleasesTheConnectionsAndLaterCallsFail() throws Exception {
    StubServer stub = stub(StubServer.answering(ANSWER));
    BackendRegistry registry =
        BackendRegistry.create(vertx, List.of(intent("lookup_order", http(stub.url("/l"), 10))));
    Backend backend = registry.backend("lookup_order").orElseThrow();
    resultOf(backend.invoke(call("lookup_order", "req-1")));
    assertThat(stub.connectionsClosed()).isZero();

    registry.close();

    await().atMost(PATIENCE).until(() -> stub.connectionsClosed() == 1);
    assertThat(failureOf(backend.invoke(call("lookup_order", "req-2"))))
        .isInstanceOf(BackendException.class);
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

  private BackendRegistry register(IntentConfig... intents) {
    BackendRegistry registry = BackendRegistry.create(vertx, List.of(intents));
    resources.add(registry);
    return registry;
  }

  private static IntentConfig intent(String name, BackendConfig backend) {
    return new IntentConfig(name, Duration.ofSeconds(30), backend);
  }

  /** A pool whose wait queue holds every call these tests make at once. */
  private static BackendConfig http(URI url, int maxConnections) {
    return new BackendConfig("http", url, null, maxConnections, 100);
  }

  private static BackendCall call(String intent, String requestId) {
    return new BackendCall(requestId, intent, new JsonObject(), new JsonObject(), new JsonObject());
  }
}
