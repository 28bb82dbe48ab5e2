package io.agentruntime.runtime;

import static io.agentruntime.runtime.AsyncWorkerTest.awaitAllowed;
import static io.agentruntime.runtime.AsyncWorkerTest.queue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a worker runs an attempt: stopped when its owner cancels it, bounded by the intent's {@code
 * async.timeout}, at most {@code maxInFlight} at once, each end in the decision log. Against a real
 * ElasticMQ on loopback, records in a real dynalite and real loopback backends.
 */
class AsyncRunTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** A visibility timeout a starved test machine cannot outlast: no attempt is lost to it. */
  private static final Duration LEASE = Duration.ofSeconds(20);

  @RegisterExtension
  static final AsyncPeers peers =
      AsyncPeers.with(region -> region.permit("allow-orders", "lookup_order"));

  @TempDir Path dir;
  @RegisterExtension final AsyncDecisionLines decisions = new AsyncDecisionLines();

  /** The intent: a synchronous {@code timeout} of 1s, and {@code async} as given. */
  private static String intents(LoopbackServer backend, String async) {
    return """
        intents:
          - name: lookup_order
            timeout: 1s
            backend: {type: http, url: "%s"}
            async: %s
        """
        .formatted(backend.url("/tool"), async);
  }

  @Test
  void cancellingARunningDispatchStopsItsBackendCallAndEndsItCancelled() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.hanging());
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, "{timeout: 10m}"));
        TestRuntime worker =
            fleet.worker(
                dir, "worker", intents(backend, "{timeout: 10m}"), Duration.ofSeconds(6))) {
      awaitAllowed(api);
      String location = queue(api);
      await().atMost(WAIT).until(() -> backend.receivedCount() == 1);

      HttpResponse<String> asked = api.delete(location, "x-agent-principal", "ann");

      JsonObject running = new JsonObject(asked.body());
      assertThat(running.getString("status")).isEqualTo("running");
      assertThat(running.getBoolean("cancelRequested")).isTrue();
      JsonObject cancelled = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);
      assertThat(cancelled.getString("status")).isEqualTo("cancelled");
      JsonArray attempts = cancelled.getJsonArray("attempts");
      assertThat(attempts).hasSize(1);
      assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("cancelled");
      // the backend sees its caller leave: the worker resets the call still out, long before the
      // client's own timeouts (async.timeout) would close the connection
      await().atMost(Duration.ofSeconds(20)).until(() -> backend.connectionsClosed() == 1);
      await().atMost(WAIT).until(() -> fleet.depth() == 0);
      assertThat(backend.receivedCount()).isEqualTo(1);
      // the worker counts and logs the end just after recording it, which the API already shows
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(worker.management("/metrics").body())
                    .contains(
                        "agent_async_finished_total{intent=\"lookup_order\",outcome=\"cancelled\"}"
                            + " 1.0");
                assertThat(decisions.events(location)).containsExactly("queued", "cancelled");
              });
    }
  }

  @Test
  void anAttemptOverTheAsyncTimeoutFailsAsTimedOutAndIsRetried() throws Exception {
    // the first call outlasts async.timeout (5s); the second takes 2s, over the synchronous
    // timeout (1s) but within async.timeout: the worker applies async.timeout alone
    try (LoopbackServer backend =
            LoopbackServer.start(
                Responders.cycling(
                    List.of(Duration.ofSeconds(12), Duration.ofSeconds(2)),
                    Responders.numbering()));
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, "{timeout: 5s, maxAttempts: 2}"));
        TestRuntime worker =
            fleet.worker(dir, "worker", intents(backend, "{timeout: 5s, maxAttempts: 2}"), LEASE)) {
      awaitAllowed(api);
      String location = queue(api);

      JsonObject done = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);

      assertThat(done.getString("status")).as(done.encode()).isEqualTo("succeeded");
      JsonArray attempts = done.getJsonArray("attempts");
      assertThat(attempts).hasSize(2);
      JsonObject timedOut = attempts.getJsonObject(0);
      assertThat(timedOut.getString("outcome")).isEqualTo("failed");
      assertThat(timedOut.getJsonObject("problem").getString("type")).endsWith("/backend-timeout");
      assertThat(timedOut.getJsonObject("problem").getInteger("status")).isEqualTo(504);
      assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("succeeded");
      assertThat(backend.receivedCount()).isEqualTo(2);

      // the completion line follows the record the API already shows
      List<JsonObject> lines =
          await().atMost(WAIT).until(() -> decisions.of(location), found -> found.size() >= 2);
      assertThat(lines)
          .extracting(line -> line.getString("async"))
          .containsExactly("queued", "succeeded");
      JsonObject queued = lines.getFirst();
      assertThat(queued.getString("principal")).isEqualTo("ann");
      assertThat(queued.getString("intent")).isEqualTo("lookup_order");
      assertThat(queued.getString("effect")).isEqualTo("Allow");
      assertThat(queued.getString("requestId")).isNotBlank();
      assertThat(queued.getValue("policies")).isNotNull();
      assertThat(lines.getLast().getInteger("attempts")).isEqualTo(2);
      assertThat(lines.getLast().containsKey("problem")).isFalse();
    }
  }

  @Test
  void anAttemptOverTheAsyncTimeoutWithNoAttemptLeftFailsTheDispatch() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.hanging());
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, "{timeout: 2s, maxAttempts: 1}"));
        TestRuntime worker =
            fleet.worker(dir, "worker", intents(backend, "{timeout: 2s, maxAttempts: 1}"), LEASE)) {
      awaitAllowed(api);
      String location = queue(api);

      JsonObject done = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);

      assertThat(done.getString("status")).isEqualTo("failed");
      assertThat(done.getJsonObject("problem").getString("type")).endsWith("/backend-timeout");
      assertThat(done.getJsonArray("attempts")).hasSize(1);
      await().atMost(WAIT).until(() -> fleet.deadLetters() == 1 && fleet.depth() == 0);
      JsonObject failed = decisions.of(location).getLast();
      assertThat(failed.getString("async")).isEqualTo("failed");
      assertThat(failed.getString("problem")).endsWith("/backend-timeout");
    }
  }

  @Test
  void aWorkerNeverHasMoreThanMaxInFlightBackendCallsAtOnce() throws Exception {
    AtomicInteger open = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    LoopbackServer.Responder counting =
        (request, arrival) -> {
          most.accumulateAndGet(open.incrementAndGet(), Math::max);
          Vertx.currentContext()
              .owner()
              .setTimer(
                  300,
                  id -> {
                    open.decrementAndGet();
                    Responders.numbering().respond(request, arrival);
                  });
        };
    try (LoopbackServer backend = LoopbackServer.start(counting);
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, "{timeout: 30s}"))) {
      awaitAllowed(api);
      List<String> locations = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        locations.add(queue(api));
      }

      try (TestRuntime worker =
          fleet.worker(dir, "worker", intents(backend, "{timeout: 30s}"), LEASE, 3)) {
        for (String location : locations) {
          assertThat(
                  AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT).getString("status"))
              .isEqualTo("succeeded");
        }
      }
      assertThat(backend.receivedCount()).isEqualTo(12);
      assertThat(most.get()).as("backend calls at once").isEqualTo(3);
    }
  }
}
