package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long-running dispatches across processes: an API runtime queues, workers (in this JVM or a child
 * JVM) run, against a real ElasticMQ on loopback and records in a real dynalite. Each worker's
 * visibility timeout is 2s, so a lost attempt is retried within seconds.
 */
class AsyncWorkerTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ORDER =
      "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"order\": 7}}";

  @RegisterExtension
  static final AsyncPeers peers =
      AsyncPeers.with(region -> region.permit("allow-orders", "lookup_order"));

  @TempDir Path dir;

  private static String intents(LoopbackServer backend, int maxAttempts) {
    return """
        intents:
          - name: lookup_order
            backend: {type: http, url: "%s"}
            async: {timeout: 30s, maxAttempts: %d}
        """
        .formatted(backend.url("/tool"), maxAttempts);
  }

  static String queue(TestRuntime api, String... headers) throws Exception {
    HttpResponse<String> accepted = api.post("/dispatch", ORDER, prefer(headers));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return accepted.headers().firstValue("location").orElseThrow();
  }

  private static String[] prefer(String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "prefer";
    all[1] = "respond-async";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return all;
  }

  static void awaitAllowed(TestRuntime api) {
    await()
        .atMost(WAIT)
        .until(() -> api.post("/v1/decisions", ORDER).body().contains("\"permitted\":true"));
  }

  @Test
  void aCancelledQueuedDispatchNeverRuns() throws Exception {
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, 3))) {
      awaitAllowed(api);
      String location = queue(api);

      HttpResponse<String> cancelled = api.delete(location, "x-agent-principal", "ann");
      assertThat(cancelled.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(cancelled.body()).getString("status")).isEqualTo("cancelled");

      try (TestRuntime worker = fleet.worker(dir, "worker", intents(backend, 3))) {
        await().atMost(WAIT).until(() -> fleet.depth() == 0);
      }
      assertThat(backend.receivedCount()).isZero();
      assertThat(AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT).getString("status"))
          .isEqualTo("cancelled");
    }
  }

  @Test
  void theQueueAgeIsTheLongestWaitOfTheLastReceiveAndZeroOnceTheQueueIsEmpty() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, 3))) {
      awaitAllowed(api);
      String location = queue(api);
      java.time.Instant queued = java.time.Instant.now();
      await().atMost(WAIT).until(() -> java.time.Instant.now().isAfter(queued.plusSeconds(3)));

      // one slot: while its dispatch runs, the worker does not receive again
      try (TestRuntime worker =
          fleet.worker(dir, "worker", intents(backend, 3), Duration.ofSeconds(2), 1)) {
        await().atMost(WAIT).until(() -> backend.receivedCount() == 1);
        assertThat(queueAge(worker)).isGreaterThanOrEqualTo(3.0);

        gate.release();
        AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);
        await().atMost(Duration.ofSeconds(15)).until(() -> queueAge(worker) == 0.0);
      }
    }
  }

  private static double queueAge(TestRuntime worker) throws Exception {
    java.util.regex.Matcher gauge =
        java.util.regex.Pattern.compile("(?m)^agent_async_queue_age_seconds (\\S+)$")
            .matcher(worker.management("/metrics").body());
    assertThat(gauge.find()).as("the queue age gauge").isTrue();
    return Double.parseDouble(gauge.group(1));
  }

  @Test
  void aDuplicateMessageOfARunningDispatchWaitsWithoutUsingUpItsReceives() throws Exception {
    // Each receive of the duplicate finds the dispatch held and waits for the lease to pass: over
    // a 10s run with a 2s visibility timeout that is more receives than the redrive policy's 3.
    try (LoopbackServer backend =
            LoopbackServer.start(Responders.after(Duration.ofSeconds(10), Responders.numbering()));
        AsyncFleet fleet = peers.fleet(3);
        TestRuntime api = fleet.api(dir, intents(backend, 3))) {
      awaitAllowed(api);
      String location = queue(api);
      fleet.duplicateTheWaitingMessage();

      try (TestRuntime worker = fleet.worker(dir, "worker", intents(backend, 3))) {
        JsonObject done = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);
        assertThat(done.getString("status")).isEqualTo("succeeded");
        await().atMost(WAIT).until(() -> fleet.depth() == 0);
      }
      assertThat(backend.receivedCount()).as("one run").isEqualTo(1);
      assertThat(fleet.deadLetters()).as("the duplicate was no failure").isZero();
    }
  }

  @Test
  void aPoisonDispatchFailsWithItsLastProblemAndEndsInTheDeadLetterQueue() throws Exception {
    try (LoopbackServer backend =
            LoopbackServer.start(Responders.answering(500, "{\"error\": \"poison\"}"));
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, 2));
        TestRuntime worker = fleet.worker(dir, "worker", intents(backend, 2))) {
      awaitAllowed(api);
      String location = queue(api);

      JsonObject failed = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);

      assertThat(failed.getString("status")).isEqualTo("failed");
      assertThat(failed.getJsonObject("problem").getString("type")).endsWith("/backend-error");
      JsonArray attempts = failed.getJsonArray("attempts");
      assertThat(attempts).hasSize(2);
      assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("failed");
      assertThat(backend.receivedCount()).isEqualTo(2);
      await().atMost(WAIT).until(() -> fleet.deadLetters() == 1 && fleet.depth() == 0);
    }
  }

  @Test
  void aStoreOutageDuringATaskLeavesItsMessageAndTheTaskFinishesOnceTheStoreIsBack()
      throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        AsyncFleet fleet = peers.fleet(10);
        TestRuntime api = fleet.api(dir, intents(backend, 3));
        TestRuntime worker = fleet.worker(dir, "worker", intents(backend, 3))) {
      awaitAllowed(api);
      String location = queue(api);
      await().atMost(WAIT).until(() -> backend.receivedCount() == 1);

      peers.region().stop();
      try {
        gate.release();
        // longer than a visibility timeout: a deleted or abandoned message would show here
        await()
            .during(Duration.ofSeconds(4))
            .atMost(Duration.ofSeconds(10))
            .until(() -> fleet.depth() == 1 && backend.receivedCount() == 1);
      } finally {
        peers.region().restart();
      }

      JsonObject done = AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);
      assertThat(done.getString("status")).isEqualTo("succeeded");
      assertThat(done.getJsonArray("attempts")).hasSize(1);
      await().atMost(WAIT).until(() -> fleet.depth() == 0);
      assertThat(backend.receivedCount()).isEqualTo(1);
    }
  }

  @Test
  void aWorkerKilledMidTaskLeavesItToAnotherWithinMaxAttempts() throws Exception {
    Responders.Gate gate = new Responders.Gate();
    try (LoopbackServer backend = LoopbackServer.start(gate.holding(Responders.numbering()));
        AsyncFleet fleet = peers.fleet(10);
        TestRuntime api = fleet.api(dir, intents(backend, 3))) {
      awaitAllowed(api);
      String location = queue(api);
      Path config =
          AsyncFleet.write(
              dir, "child", fleet.config(false, Duration.ofSeconds(2), intents(backend, 3)));
      Path childLog = dir.resolve("child.log");
      Process child = ChildWorker.start(config, childLog);
      try {
        // a JVM of its own starts slowly on a busy machine
        await().atMost(Duration.ofMinutes(3)).until(() -> backend.receivedCount() == 1);
      } finally {
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no outcome recorded
      }
      await().atMost(WAIT).until(() -> !child.isAlive());

      gate.release();
      // a lease of its own that a starved test machine cannot outlast: one attempt is this one's
      try (TestRuntime worker =
          fleet.worker(dir, "worker", intents(backend, 3), Duration.ofSeconds(20))) {
        JsonObject done = awaitFinished(api, location, childLog);

        assertThat(done.getString("status")).isEqualTo("succeeded");
        JsonArray attempts = done.getJsonArray("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getJsonObject(0).getString("outcome")).isEqualTo("lost");
        assertThat(attempts.getJsonObject(1).getString("outcome")).isEqualTo("succeeded");
        assertThat(attempts.getJsonObject(0).getString("worker"))
            .isNotEqualTo(attempts.getJsonObject(1).getString("worker"));
        assertThat(backend.receivedCount()).isBetween(2, 3);
        await().atMost(WAIT).until(() -> fleet.depth() == 0);
      }
    }
  }

  /** {@link AsyncDispatchTest#awaitFinished}, failing with the killed worker's log. */
  private static JsonObject awaitFinished(TestRuntime api, String location, Path childLog)
      throws java.io.IOException {
    try {
      return AsyncDispatchTest.awaitFinished(api, location, "ann", WAIT);
    } catch (AssertionError e) {
      e.addSuppressed(
          new AssertionError("the killed worker's log:\n" + Files.readString(childLog)));
      throw e;
    }
  }

  static Map<String, Integer> runsByDispatch(LoopbackServer backend) {
    Map<String, Integer> runs = new java.util.HashMap<>();
    backend
        .receivedById()
        .forEach(
            (requestId, count) ->
                runs.merge(
                    requestId.substring(0, requestId.lastIndexOf('-')), count, Integer::sum));
    return runs;
  }
}
