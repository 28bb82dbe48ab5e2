package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.runtime.testing.ModelServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token and cost budgets with the file store (buckets in the pod's memory), dispatched to a real
 * OpenAI-compatible server on loopback that reports its usage.
 */
class BudgetDispatchTest {

  /** {@code {"prompt":"hello"}}: 18 bytes, so a prompt estimate of 18 tokens. */
  private static final int PROMPT_ESTIMATE = 18;

  private static final int MAX_TOKENS = 100;
  private static final long RESERVATION = PROMPT_ESTIMATE + MAX_TOKENS;

  /** What the model server reports per call: 12 prompt and 100 completion tokens. */
  private static final long USED = 112;

  @TempDir Path dir;

  @Test
  void aTokenBudgetHoldsTheWorstCaseAndChargesWhatTheModelReported() throws Exception {
    String policy =
        """
        @id("three-calls")
        @tokenBudget("%d/1d")
        permit (principal, action == Action::"call_reasoning", resource);
        """
            .formatted(3 * RESERVATION);
    try (ModelServer model = ModelServer.start(12, MAX_TOKENS, Duration.ZERO);
        TestRuntime runtime = start(model, "", policy)) {
      for (int call = 1; call <= 3; call++) {
        HttpResponse<String> served = runtime.post("/dispatch", reasoning("ann"));
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.headers().firstValue("x-budget-remaining-tokens"))
            .hasValue(Long.toString(3 * RESERVATION - call * USED));
      }
      HttpResponse<String> refused = runtime.post("/dispatch", reasoning("ann"));

      assertThat(refused.statusCode()).isEqualTo(429);
      JsonObject problem = ProblemAssert.isProblem(refused, "budget-exhausted");
      assertThat(problem.getJsonObject("budget").getMap())
          .containsEntry("policy", "three-calls")
          .containsEntry("kind", "tokens")
          .containsEntry("limit", 3 * RESERVATION + "/1d per principal")
          .containsEntry("remaining", Long.toString(3 * RESERVATION - 3 * USED));
      long untilMidnight =
          Duration.between(
                  Instant.now(),
                  LocalDate.now(ZoneOffset.UTC)
                      .plusDays(1)
                      .atStartOfDay()
                      .toInstant(ZoneOffset.UTC))
              .toSeconds();
      assertThat(Long.parseLong(refused.headers().firstValue("retry-after").orElseThrow()))
          .isBetween(untilMidnight - 5, untilMidnight + 5);
      // The configured maxTokens bounds the answer the reservation was sized for.
      assertThat(model.received().getFirst().json().getInteger("max_tokens")).isEqualTo(MAX_TOKENS);
      assertThat(model.completions()).isEqualTo(3);
      assertThat(runtime.post("/dispatch", reasoning("bob")).statusCode()).isEqualTo(200);
      assertThat(runtime.management("/metrics").body())
          .contains("agent_tokens_total{intent=\"call_reasoning\",kind=\"prompt\"} 48.0")
          .contains("agent_tokens_total{intent=\"call_reasoning\",kind=\"completion\"} 400.0")
          .contains(decisions("three-calls", "reserved") + " 4.0")
          .contains(decisions("three-calls", "exhausted") + " 1.0");
    }
  }

  @Test
  void aCostBudgetIsPricedFromTheIntentsPrice() throws Exception {
    String policy =
        """
        @id("half-a-milli-dollar")
        @costBudget("0.0005 USD/1mo per runtime")
        permit (principal, action == Action::"call_reasoning", resource);
        """;
    try (ModelServer model = ModelServer.start(12, MAX_TOKENS, Duration.ZERO);
        TestRuntime runtime = start(model, "", policy)) {
      // Reserved: 18 × $1 + 100 × $2 per million = 218 µ$; charged: 12 × $1 + 100 × $2 = 212 µ$.
      HttpResponse<String> first = runtime.post("/dispatch", reasoning("ann"));
      assertThat(first.headers().firstValue("x-budget-remaining-usd")).hasValue("0.000288");
      HttpResponse<String> second = runtime.post("/dispatch", reasoning("bob"));
      assertThat(second.headers().firstValue("x-budget-remaining-usd")).hasValue("0.000076");

      HttpResponse<String> refused = runtime.post("/dispatch", reasoning("carl"));

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(
              ProblemAssert.isProblem(refused, "budget-exhausted").getJsonObject("budget").getMap())
          .containsEntry("kind", "cost")
          .containsEntry("remaining", "0.000076 USD");
      assertThat(runtime.management("/metrics").body())
          .contains("agent_cost_usd_total{intent=\"call_reasoning\"} 4.24E-4");
    }
  }

  @Test
  void inAuditModeAnExhaustedBudgetIsCountedButNeverRejects() throws Exception {
    String policy =
        """
        @id("one-call")
        @tokenBudget("%d/1h")
        permit (principal, action == Action::"call_reasoning", resource);
        """
            .formatted(RESERVATION);
    try (ModelServer model = ModelServer.start(12, MAX_TOKENS, Duration.ZERO);
        TestRuntime runtime = start(model, "  mode: Audit\n", policy)) {
      for (int i = 0; i < 3; i++) {
        assertThat(runtime.post("/dispatch", reasoning("ann")).statusCode()).isEqualTo(200);
      }

      assertThat(runtime.management("/metrics").body())
          .contains(decisions("one-call", "exhausted") + " 2.0");
    }
  }

  @Test
  void aBackendThatReportsNoUsageIsChargedItsWholeReservation() throws Exception {
    String policy =
        """
        @id("echo-budget")
        @tokenBudget("1000/1d")
        permit (principal, action == Action::"export_customer_data", resource);
        """;
    try (ModelServer model = ModelServer.start(12, MAX_TOKENS, Duration.ZERO);
        TestRuntime runtime = start(model, "", policy)) {
      HttpResponse<String> served =
          runtime.post(
              "/dispatch",
              """
              {"intent": "export_customer_data", "context": {"user_id": "ann"},
               "input": {"prompt": "hello", "max_tokens": 50}}
              """);

      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.headers().firstValue("x-budget-remaining-tokens"))
          .hasValue(Long.toString(1000 - (34 + 50)));
    }
  }

  private TestRuntime start(ModelServer model, String governanceExtra, String policy)
      throws Exception {
    String yaml =
        TestRuntime.serverConfig()
            + """
            governance:
              refreshInterval: 100ms
              store: {file: {directory: policies}}
            """
            + governanceExtra
            + """
            intents:
              - name: call_reasoning
                backend:
                  type: openai
                  url: "%s"
                  model: test-model
                  maxTokens: %d
                  price: {promptPerMillion: 1, completionPerMillion: 2.00}
              - name: export_customer_data
                backend: {type: echo}
            """
                .formatted(model.url(), MAX_TOKENS);
    return TestRuntime.start(dir, yaml, Map.of("budget.cedar", policy), Map.of());
  }

  private static String reasoning(String user) {
    return """
        {"intent": "call_reasoning", "context": {"user_id": "%s"}, "input": {"prompt": "hello"}}
        """
        .formatted(user);
  }

  private static String decisions(String policy, String outcome) {
    return "agent_budget_decisions_total{intent=\"call_reasoning\",outcome=\"%s\",policy=\"%s\"}"
        .formatted(outcome, policy);
  }
}
