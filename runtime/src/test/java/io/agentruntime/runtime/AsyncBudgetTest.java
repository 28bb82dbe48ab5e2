package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.testing.ModelServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets of long-running dispatches: held when the API queues a dispatch, settled by the worker
 * that runs it, another runtime instance sharing only the queue (ElasticMQ) and the table (a real
 * dynalite), from what the queue message carries.
 */
class AsyncBudgetTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final JsonObject INPUT =
      new JsonObject().put("prompt", "hello").put("max_tokens", 100);
  private static final long RESERVATION = INPUT.toBuffer().length() + 100;

  /** What the model server reports for each completion: 12 prompt and 100 completion tokens. */
  private static final long USAGE = 112;

  private static final long CAP = RESERVATION + RESERVATION / 2;
  private static final String POLICY = "one-at-a-time";

  @RegisterExtension
  static final AsyncPeers peers =
      AsyncPeers.with(region -> TokenBudgets.permit(region, POLICY, TokenBudgets.daily(CAP)));

  @TempDir Path dir;

  @Test
  void aQueuedDispatchHoldsItsBudgetAtOnceAndItsWorkerCommitsWhatTheModelReported()
      throws Exception {
    try (ModelServer model = ModelServer.start(12, 100, Duration.ZERO);
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(model))) {
      api.awaitPolicy(POLICY);
      HttpResponse<String> accepted = queue(api, "ann");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      assertThat(accepted.headers().firstValue("x-budget-remaining-tokens"))
          .hasValue(Long.toString(CAP - RESERVATION));

      // decided at enqueue: the second does not fit beside the first's hold, and is never queued
      HttpResponse<String> refused = queue(api, "ann");
      ProblemAssert.isProblem(refused, "budget-exhausted");
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(fleet.depth()).isEqualTo(1);

      try (TestRuntime worker = fleet.worker(dir, "worker", intents(model))) {
        String location = accepted.headers().firstValue("location").orElseThrow();
        assertThat(AsyncDispatchTest.awaitFinished(api, location, "ann").getString("status"))
            .isEqualTo("succeeded");
        TokenBudgets.awaitSettled(peers.region(), POLICY, "ann", USAGE, CAP);
      }
      assertThat(model.completions()).isEqualTo(1);
    }
  }

  @Test
  void aDispatchCancelledWhileQueuedReturnsItsHold() throws Exception {
    try (ModelServer model = ModelServer.start(12, 100, Duration.ZERO);
        AsyncFleet fleet = peers.fleet(4);
        TestRuntime api = fleet.api(dir, intents(model))) {
      api.awaitPolicy(POLICY);
      HttpResponse<String> accepted = queue(api, "bob");
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String location = accepted.headers().firstValue("location").orElseThrow();
      assertThat(api.delete(location, "x-agent-principal", "bob").statusCode()).isEqualTo(200);
      assertThat(TokenBudgets.bucket(peers.region(), POLICY, "bob").keySet())
          .anyMatch(name -> name.startsWith("hold:"));

      try (TestRuntime worker = fleet.worker(dir, "worker", intents(model))) {
        await().atMost(WAIT).until(() -> fleet.depth() == 0);
        TokenBudgets.awaitSettled(peers.region(), POLICY, "bob", 0, CAP);
      }
      assertThat(model.completions()).isZero();
    }
  }

  private static HttpResponse<String> queue(TestRuntime api, String user) throws Exception {
    return api.post("/dispatch", SharedBudgetTest.request(user), "prefer", "respond-async");
  }

  private static String intents(ModelServer model) {
    return """
        intents:
          - name: call_reasoning
            backend: {type: openai, url: "%s", model: test-model}
            async: {timeout: 30s, maxAttempts: 2}
        """
        .formatted(model.url());
  }
}
