package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long-running dispatches end without a run: expired unrun at their deadline, or cancelled
 * while queued. Each end is readable at the dispatch's Location for the intent's {@code resultTtl},
 * counted in {@code agent_async_finished_total} and logged once in the decision log, by whichever
 * process recorded it. Against a real ElasticMQ on loopback and records in a real dynalite.
 */
class AsyncEndingsTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static final AsyncPeers peers =
      AsyncPeers.with(region -> region.permit("allow-orders", "lookup_order"));

  @TempDir Path dir;
  @RegisterExtension final AsyncDecisionLines decisions = new AsyncDecisionLines();

  private static String intents(LoopbackServer backend, Duration resultTtl) {
    return """
        intents:
          - name: lookup_order
            backend: {type: http, url: "%s"}
            async: {timeout: 30s, maxAttempts: 3, resultTtl: %ds}
        """
        .formatted(backend.url("/tool"), resultTtl.toSeconds());
  }

  private static String queue(TestRuntime api) throws Exception {
    AsyncWorkerTest.awaitAllowed(api);
    return AsyncWorkerTest.queue(api);
  }

  private static JsonObject read(TestRuntime runtime, String location) throws Exception {
    HttpResponse<String> read = runtime.get(location, "x-agent-principal", "ann");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    return new JsonObject(read.body());
  }

  private static String finished(String outcome, double count) {
    return "agent_async_finished_total{intent=\"lookup_order\",outcome=\""
        + outcome
        + "\"} "
        + count;
  }

  @Test
  void aDispatchStillQueuedAtItsDeadlineExpiresUnrunAndReadsExpired() throws Exception {
    Duration resultTtl = Duration.ofSeconds(8);
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, resultTtl))) {
      String readByItsOwner = queue(api);
      String leftToTheWorker = queue(api);
      Instant deadline =
          Instant.parse(read(api, leftToTheWorker).getJsonObject("transitions").getString("queued"))
              .plus(resultTtl);
      await().atMost(WAIT).until(() -> Instant.now().isAfter(deadline.plusMillis(500)));

      // no worker yet: reading the dispatch past its deadline records its expiry
      JsonObject expired = read(api, readByItsOwner);
      assertThat(expired.getString("status")).isEqualTo("expired");
      assertThat(expired.getJsonObject("transitions").fieldNames())
          .containsExactly("queued", "expired");
      assertThat(expired.getJsonArray("attempts")).isEmpty();
      assertThat(api.management("/metrics").body()).contains(finished("expired", 1.0));

      // a worker started after the deadline records the other one's expiry and runs nothing
      try (TestRuntime worker = fleet.worker(dir, "worker", intents(backend, resultTtl))) {
        await()
            .atMost(WAIT)
            .until(() -> worker.management("/metrics").body().contains(finished("expired", 1.0)));
        await().atMost(WAIT).until(() -> fleet.depth() == 0);
      }
      assertThat(read(api, leftToTheWorker).getString("status")).isEqualTo("expired");
      assertThat(backend.receivedCount()).isZero();
      assertThat(fleet.deadLetters()).isZero();
      for (String location : List.of(readByItsOwner, leftToTheWorker)) {
        assertThat(decisions.events(location)).containsExactly("queued", "expired");
      }
    }
  }

  @Test
  void aCancelledQueuedDispatchIsCountedLoggedAndKeptForItsIntentsResultTtl() throws Exception {
    Duration resultTtl = Duration.ofSeconds(3);
    try (LoopbackServer backend = LoopbackServer.start(Responders.numbering());
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(backend, resultTtl))) {
      String location = queue(api);

      HttpResponse<String> cancelled = api.delete(location, "x-agent-principal", "ann");

      assertThat(new JsonObject(cancelled.body()).getString("status")).isEqualTo("cancelled");
      assertThat(api.management("/metrics").body()).contains(finished("cancelled", 1.0));
      List<JsonObject> lines = decisions.of(location);
      assertThat(lines)
          .extracting(line -> line.getString("async"))
          .containsExactly("queued", "cancelled");
      assertThat(lines.getLast().getString("principal")).isEqualTo("ann");
      assertThat(lines.getLast().getInteger("attempts")).isZero();
      // kept resultTtl past its deadline (accepted plus resultTtl), then forgotten
      await()
          .atMost(resultTtl.multipliedBy(2).plusSeconds(15))
          .until(() -> api.get(location, "x-agent-principal", "ann").statusCode() == 404);
      assertThat(backend.receivedCount()).isZero();
    }
  }
}
