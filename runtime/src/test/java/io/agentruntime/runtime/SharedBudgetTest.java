package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.testing.ModelServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Two runtimes sharing one table (a real dynalite) and one OpenAI-compatible model server on
 * loopback: a token budget holds across both under 200 concurrent requests, never spending more
 * than its cap.
 */
class SharedBudgetTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** How long one request of the burst may take: on a loaded machine the table queues them. */
  private static final Duration BURST = Duration.ofSeconds(90);

  /** The input every request sends; its JSON size in bytes is its prompt estimate. */
  private static final JsonObject INPUT =
      new JsonObject().put("prompt", "hello").put("max_tokens", 100);

  private static final long RESERVATION = INPUT.toBuffer().length() + 100;
  private static final long CAP = 50 * RESERVATION;

  @TempDir Path dir;

  @Test
  void twoHundredConcurrentRequestsAcrossTwoRuntimesNeverSpendMoreThanTheCap() throws Exception {
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.start(12, 100, Duration.ofMillis(400));
        TestRuntime a = TokenBudgets.start(dir.resolve("a"), region, model);
        TestRuntime b = TokenBudgets.start(dir.resolve("b"), region, model)) {
      TokenBudgets.permit(region, "fifty-calls", TokenBudgets.daily(CAP));
      a.awaitPolicy("fifty-calls");
      b.awaitPolicy("fifty-calls");

      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        sent.add((i % 2 == 0 ? a : b).postAsyncWithin(BURST, "/dispatch", request("ann")));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> response : sent) {
        answers.add(response.get(BURST.toSeconds(), TimeUnit.SECONDS));
      }

      List<HttpResponse<String>> served =
          answers.stream().filter(r -> r.statusCode() == 200).toList();
      List<HttpResponse<String>> refused =
          answers.stream().filter(r -> r.statusCode() != 200).toList();
      assertThat(served.size() + refused.size()).isEqualTo(200);
      assertThat(served).hasSizeGreaterThanOrEqualTo(50);
      for (HttpResponse<String> response : refused) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        JsonObject problem = ProblemAssert.isProblem(response, "budget-exhausted");
        assertThat(problem.getJsonObject("budget").getString("policy")).isEqualTo("fifty-calls");
        assertThat(problem.getJsonObject("budget").getString("kind")).isEqualTo("tokens");
        assertThat(Long.parseLong(response.headers().firstValue("retry-after").orElseThrow()))
            .isBetween(1L, 86_400L);
      }
      for (HttpResponse<String> response : served) {
        assertThat(response.headers().firstValue("x-budget-remaining-tokens")).isPresent();
      }
      // What the model reported for the answered calls is what the bucket was charged: the cap
      // holds for usage, not only for reservations.
      assertThat(model.completions()).isEqualTo(served.size());
      assertThat(model.reportedTokens()).isLessThanOrEqualTo(CAP);
      TokenBudgets.awaitSettled(region, "fifty-calls", "ann", model.reportedTokens(), CAP);
      // Another principal has a budget of its own.
      assertThat(b.post("/dispatch", request("bob")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theHoldsOfAPodThatDiedExpireAndTheirAmountReturns() throws Exception {
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.start(12, 100, Duration.ZERO);
        TestRuntime runtime = TokenBudgets.start(dir.resolve("a"), region, model)) {
      Budget budget = TokenBudgets.daily(RESERVATION);
      TokenBudgets.permit(region, "one-call", budget);
      runtime.awaitPolicy("one-call");
      assertThat(runtime.post("/dispatch", request("ann")).statusCode()).isEqualTo(200);
      // What a pod leaves behind when it dies mid-call: the whole window held by a hold whose
      // request will never settle it, expired a moment ago.
      long windowStart = budget.window().start(java.time.Instant.now()).toEpochMilli();
      region
          .client()
          .putItem(
              put ->
                  put.tableName(LocalRegion.TABLE)
                      .item(
                          Map.of(
                              "pk",
                              AttributeValue.fromS("BUDGET#agents/test#one-call#tokens#bob"),
                              "sk",
                              AttributeValue.fromS("#"),
                              "windowStart",
                              number(windowStart),
                              "cap",
                              number(RESERVATION),
                              "remaining",
                              number(0),
                              "spent",
                              number(0),
                              "hold:dead-pod-request",
                              AttributeValue.fromM(
                                  Map.of(
                                      "amount", number(RESERVATION),
                                      "expiresAt", number(System.currentTimeMillis() - 1))))));

      assertThat(runtime.post("/dispatch", request("bob")).statusCode()).isEqualTo(200);
      HttpResponse<String> spent = runtime.post("/dispatch", request("bob"));
      assertThat(spent.statusCode()).isEqualTo(429);
      ProblemAssert.isProblem(spent, "budget-exhausted");
    }
  }

  @Test
  void aRaisedCapAppliesToTheCurrentWindowWithWhatWasSpent() throws Exception {
    try (LocalRegion region = LocalRegion.start("eu-west-1");
        ModelServer model = ModelServer.start(12, 100, Duration.ZERO);
        TestRuntime runtime = TokenBudgets.start(dir.resolve("a"), region, model)) {
      TokenBudgets.permit(region, "budgeted", TokenBudgets.daily(RESERVATION));
      runtime.awaitPolicy("budgeted");
      assertThat(runtime.post("/dispatch", request("ann")).statusCode()).isEqualTo(200);
      assertThat(runtime.post("/dispatch", request("ann")).statusCode()).isEqualTo(429);

      TokenBudgets.permit(region, "budgeted", TokenBudgets.daily(2 * RESERVATION));
      await()
          .atMost(WAIT)
          .until(() -> runtime.post("/dispatch", request("ann")).statusCode() == 200);

      assertThat(runtime.post("/dispatch", request("ann")).statusCode()).isEqualTo(429);
      assertThat(TokenBudgets.number(TokenBudgets.bucket(region, "budgeted", "ann"), "spent"))
          .isEqualTo(2 * 112);
    }
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  static String request(String user) {
    return new JsonObject()
        .put("intent", "call_reasoning")
        .put("context", new JsonObject().put("user_id", user))
        .put("input", INPUT)
        .encode();
  }
}
