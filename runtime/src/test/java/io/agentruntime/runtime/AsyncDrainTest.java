package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.async.EmbeddedQueue;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand queued dispatches drained by two workers competing for one queue: every dispatch runs,
 * and none runs twice, as counted at the backend.
 */
class AsyncDrainTest {

  private static final int DISPATCHES = 1000;
  private static final int BATCH = 50;

  @TempDir Path dir;

  @Test
  void aThousandQueuedDispatchesDrainWithNoneLostAndNoneRunTwice() throws Exception {
    try (EmbeddedQueue sqs = EmbeddedQueue.start();
        LocalRegion region = LocalRegion.start("eu-west-1");
        LoopbackServer backend = LoopbackServer.start(Responders.ok());
        AsyncFleet fleet = new AsyncFleet(sqs, region, 4)) {
      region.permit("allow-orders", "lookup_order");
      String intents =
          """
          intents:
            - name: lookup_order
              backend: {type: http, url: "%s"}
              async: {timeout: 30s, maxAttempts: 3}
          """
              .formatted(backend.url("/tool"));
      try (TestRuntime api = fleet.api(dir, intents)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> api.post("/v1/decisions", order(0)).body().contains("\"permitted\":true"));
        Set<String> ids = queueAll(api);
        assertThat(ids).hasSize(DISPATCHES);

        // nobody dies here: a visibility timeout that a busy machine's heartbeats easily keep up
        // with
        Duration visibility = Duration.ofSeconds(15);
        try (TestRuntime first = fleet.worker(dir, "first", intents, visibility);
            TestRuntime second = fleet.worker(dir, "second", intents, visibility)) {
          await()
              .atMost(Duration.ofMinutes(5))
              .until(() -> backend.receivedCount() >= DISPATCHES && fleet.depth() == 0);
        }

        Map<String, Integer> runs = AsyncWorkerTest.runsByDispatch(backend);
        assertThat(runs.keySet()).isEqualTo(ids);
        assertThat(runs.values()).allMatch(count -> count == 1);
        assertThat(fleet.deadLetters()).isZero();
      }
    }
  }

  private static Set<String> queueAll(TestRuntime api) {
    Set<String> ids = new HashSet<>();
    for (int start = 0; start < DISPATCHES; start += BATCH) {
      List<CompletableFuture<HttpResponse<String>>> batch = new ArrayList<>();
      for (int n = start; n < start + BATCH; n++) {
        batch.add(api.postAsync("/dispatch", order(n), "prefer", "respond-async"));
      }
      for (CompletableFuture<HttpResponse<String>> accepted : batch) {
        HttpResponse<String> response = accepted.orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ids.add(new JsonObject(response.body()).getString("id"));
      }
    }
    return ids;
  }

  private static String order(int n) {
    return "{\"intent\": \"lookup_order\", \"context\": {\"user_id\": \"ann\"}, \"input\": {\"order\": "
        + n
        + "}}";
  }
}
