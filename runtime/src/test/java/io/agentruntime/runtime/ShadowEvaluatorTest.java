package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code governance.evaluator: shadow} end to end: requests are decided and answered at once, and
 * cedar-java checks every decision in the background, counted on {@code /metrics}.
 */
class ShadowEvaluatorTest {
  @TempDir Path dir;

  @Test
  void cedarJavaChecksEveryDecisionAndAgrees() throws Exception {
    try (TestRuntime runtime =
        TestRuntime.start(
            dir,
            TestRuntime.baseConfig() + TestRuntime.ECHO_INTENTS,
            Map.of(
                "allow.cedar", TestRuntime.ALLOW_ALL,
                "suspended.cedar", TestRuntime.BLOCK_SUSPENDED),
            Map.of("AGENT_GOVERNANCE_EVALUATOR", "shadow"))) {
      for (int i = 0; i < 10; i++) {
        String suspended = i % 2 == 0 ? "true" : "false";
        int status =
            runtime
                .post(
                    "/dispatch",
                    "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"u"
                        + i
                        + "\", \"suspended\": "
                        + suspended
                        + "}}")
                .statusCode();
        assertThat(status).isEqualTo(i % 2 == 0 ? 403 : 200);
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> counter(runtime, "agent_governance_evaluator_shadow_checks_total") >= 10);
      assertThat(counter(runtime, "agent_governance_evaluator_disagreements_total")).isZero();
      assertThat(counter(runtime, "agent_governance_evaluator_shadow_dropped_total")).isZero();
    }
  }

  private static double counter(TestRuntime runtime, String name) throws Exception {
    Matcher value =
        Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(runtime.management("/metrics").body());
    return value.find() ? Double.parseDouble(value.group(1)) : -1;
  }
}
