package io.agentruntime.runtime.backend;

import static io.agentruntime.runtime.backend.Outcomes.PATIENCE;
import static io.agentruntime.runtime.backend.Outcomes.failureOf;
import static io.agentruntime.runtime.backend.Outcomes.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
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

/** Each HTTP backend admits at most its pool plus its wait queue; the rest is refused unsent. */
class BulkheadTest {

  private static final JsonObject ANSWER = new JsonObject().put("ok", true);

  @RegisterExtension final BackendBench bench = new BackendBench();

  @Test
  void aCallBeyondThePoolAndItsQueueIsRefusedWithoutBeingSent() throws Exception {
    LoopbackServer hanging = bench.server(Responders.hanging());
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
    LoopbackServer hanging = bench.server(Responders.hanging());
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
    LoopbackServer stub =
        bench.server(Responders.after(Duration.ofMillis(20), Responders.answering(ANSWER)));
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
  void theEchoBackendHasNoBulkhead() {
    assertThat(new EchoBackend().bulkhead()).isEmpty();
  }

  private Backend backend(URI url, Duration timeout, int maxConnections, int maxPending) {
    BackendConfig.Pool pool =
        new BackendConfig.Pool(
            maxConnections, maxPending, BackendConfig.Pool.DEFAULT_MAX_RESPONSE_SIZE);
    return bench.backend(
        new IntentConfig("lookup_order", timeout, new BackendConfig.Http(url, pool)));
  }

  private static BackendCall call(String requestId) {
    return BackendBench.call("lookup_order", requestId);
  }
}
