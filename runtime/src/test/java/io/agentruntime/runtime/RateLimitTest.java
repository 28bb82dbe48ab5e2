package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy rate limits with the file store: buckets in the pod's memory. */
class RateLimitTest {

  private static final String LIMITED =
      """
      @id("three-per-hour")
      @rateLimit("3/1h")
      permit (principal, action == Action::"call_reasoning", resource);
      """;

  private static final String SHARED =
      """
      @id("two-per-hour-for-everyone")
      @rateLimit("2/1h per runtime")
      permit (principal, action == Action::"export_customer_data", resource);
      """;

  @TempDir Path dir;

  @Test
  void anExhaustedLimitAnswers429WithRetryAfterWhileOthersHaveTheirOwnBucket() throws Exception {
    try (TestRuntime runtime = start("")) {
      for (int i = 0; i < 3; i++) {
        assertThat(runtime.post("/dispatch", reasoning("ann")).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = runtime.post("/dispatch", reasoning("ann"));

      assertThat(limited.statusCode()).isEqualTo(429);
      JsonObject problem = ProblemAssert.isProblem(limited, "rate-limited");
      assertThat(problem.getString("detail")).contains("three-per-hour", "3/1h");
      assertThat(Long.parseLong(limited.headers().firstValue("retry-after").orElseThrow()))
          .isGreaterThanOrEqualTo(1);
      assertThat(runtime.post("/dispatch", reasoning("bob")).statusCode()).isEqualTo(200);
      assertThat(runtime.management("/metrics").body())
          .contains(series("three-per-hour", "granted") + " 4.0")
          .contains(series("three-per-hour", "limited") + " 1.0");
    }
  }

  /** Counters are registered when the policy set is installed, never by a request. */
  @Test
  void theCountersOfEveryLimitExistBeforeTheFirstRequest() throws Exception {
    try (TestRuntime runtime = start("")) {
      assertThat(runtime.management("/metrics").body())
          .contains(series("three-per-hour", "granted") + " 0.0")
          .contains(series("three-per-hour", "limited") + " 0.0")
          .contains(series("two-per-hour-for-everyone", "store_error") + " 0.0");
    }
  }

  @Test
  void aLimitKeyedByRuntimeIsSharedByEveryCaller() throws Exception {
    try (TestRuntime runtime = start("")) {
      assertThat(runtime.post("/dispatch", export("ann")).statusCode()).isEqualTo(200);
      assertThat(runtime.post("/dispatch", export("bob")).statusCode()).isEqualTo(200);

      assertThat(runtime.post("/dispatch", export("carl")).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void decisionsAloneTakeNoToken() throws Exception {
    try (TestRuntime runtime = start("")) {
      for (int i = 0; i < 5; i++) {
        assertThat(runtime.post("/v1/decisions", reasoning("ann")).statusCode()).isEqualTo(200);
      }

      assertThat(runtime.post("/dispatch", reasoning("ann")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void inAuditModeAnExhaustedLimitIsCountedButNeverRejects() throws Exception {
    try (TestRuntime runtime = start("  mode: Audit\n")) {
      for (int i = 0; i < 5; i++) {
        assertThat(runtime.post("/dispatch", reasoning("ann")).statusCode()).isEqualTo(200);
      }

      assertThat(runtime.management("/metrics").body())
          .contains(series("three-per-hour", "granted") + " 3.0")
          .contains(series("three-per-hour", "limited") + " 2.0");
    }
  }

  private TestRuntime start(String governanceExtra) throws Exception {
    String yaml =
        TestRuntime.serverConfig()
            + """
            governance:
              refreshInterval: 100ms
              store: {file: {directory: policies}}
            """
            + governanceExtra
            + TestRuntime.ECHO_INTENTS;
    return TestRuntime.start(
        dir, yaml, Map.of("limited.cedar", LIMITED, "shared.cedar", SHARED), Map.of());
  }

  static String reasoning(String user) {
    return "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"" + user + "\"}}";
  }

  private static String export(String user) {
    return "{\"intent\": \"export_customer_data\", \"context\": {\"user_id\": \"" + user + "\"}}";
  }

  static String series(String policy, String outcome) {
    return "agent_rate_limit_decisions_total{intent=\"call_reasoning\",outcome=\"%s\",policy=\"%s\"}"
        .formatted(outcome, policy);
  }
}
