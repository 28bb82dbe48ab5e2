package io.agentruntime.runtime.intent;

import static io.agentruntime.runtime.backend.BackendBench.call;
import static io.agentruntime.runtime.backend.Outcomes.PATIENCE;
import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.backend.BackendBench;
import io.agentruntime.runtime.backend.BackendException;
import io.agentruntime.runtime.backend.EchoBackend;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every configured intent has its backend, its own connection pool and its meters. */
class IntentsTest {

  private static final JsonObject ANSWER = new JsonObject().put("ok", true);

  @RegisterExtension final BackendBench bench = new BackendBench();

  @Test
  void findsEachConfiguredIntentWithItsBackendAndMeters() {
    List<IntentConfig> configs =
        List.of(
            intent("call_reasoning", new BackendConfig.Echo()),
            intent("lookup_order", http(URI.create("http://127.0.0.1:9/lookup"), 10)));
    RuntimeMetrics metrics = bench.keep(new RuntimeMetrics(configs));
    Intents intents = open(configs, metrics);

    assertThat(intents.find("call_reasoning").orElseThrow().backend())
        .isInstanceOf(EchoBackend.class);
    assertThat(intents.find("lookup_order").orElseThrow().config()).isEqualTo(configs.get(1));
    assertThat(intents.find("lookup_order").orElseThrow().meters())
        .isSameAs(metrics.intent("lookup_order"));
    assertThat(intents.find("not_configured")).isEmpty();
    assertThat(intents.all())
        .extracting(Intent::name)
        .containsExactly("call_reasoning", "lookup_order");
    assertThat(metrics.scrape())
        .contains("agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 10")
        .doesNotContain("agent_backend_pool_max_connections{backend=\"echo\"");
  }

  @Test
  void concurrentCallsNeverOpenMoreConnectionsThanThePoolAllows() throws Exception {
    LoopbackServer stub =
        bench.server(Responders.after(Duration.ofMillis(20), Responders.answering(ANSWER)));
    Backend backend = backendOf(open(intent("lookup_order", http(stub.url("/lookup"), 4))));

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
  void aHangingBackendDoesNotDelayCallsToAnotherIntent() throws Exception {
    LoopbackServer hanging = bench.server(Responders.hanging());
    LoopbackServer healthy = bench.server(Responders.answering(ANSWER));
    Intents intents =
        open(
            intent("slow", http(hanging.url("/slow"), 2)),
            intent("fast", http(healthy.url("/fast"), 2)));
    Backend slow = intents.find("slow").orElseThrow().backend();
    Backend fast = intents.find("fast").orElseThrow().backend();

    List<Future<JsonObject>> slowCalls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      slowCalls.add(slow.invoke(call("slow", "slow-" + i)));
    }
    await().atMost(PATIENCE).until(() -> hanging.received().size() == 2);

    for (int i = 0; i < 10; i++) {
      assertThat(resultOf(fast.invoke(call("fast", "f-" + i)))).isEqualTo(ANSWER);
    }
    assertThat(slowCalls).noneMatch(Future::isComplete);
  }

  @Test
  void closingReleasesTheConnectionsAndLaterCallsFail() throws Exception {
    LoopbackServer stub = bench.server(Responders.answering(ANSWER));
    Intents intents = open(intent("lookup_order", http(stub.url("/l"), 10)));
    Backend backend = backendOf(intents);
    resultOf(backend.invoke(call("lookup_order", "req-1")));
    assertThat(stub.connectionsClosed()).isZero();

    intents.close();

    await().atMost(PATIENCE).until(() -> stub.connectionsClosed() == 1);
    assertThat(failureOf(backend.invoke(call("lookup_order", "req-2"))))
        .isInstanceOf(BackendException.class);
  }

  private Intents open(IntentConfig... configs) {
    return open(List.of(configs), bench.keep(new RuntimeMetrics(List.of(configs))));
  }

  private Intents open(List<IntentConfig> configs, RuntimeMetrics metrics) {
    return bench.keep(Intents.open(bench.vertx(), configs, metrics));
  }

  private static Backend backendOf(Intents intents) {
    return intents.all().iterator().next().backend();
  }

  private static IntentConfig intent(String name, BackendConfig backend) {
    return new IntentConfig(name, Duration.ofSeconds(30), backend);
  }

  /** A pool whose wait queue holds every call these tests make at once. */
  private static BackendConfig http(URI url, int maxConnections) {
    return new BackendConfig.Http(
        url,
        new BackendConfig.Pool(maxConnections, 100, BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE));
  }
}
