package io.agentruntime.governance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A decision with the JVM evaluator allocates the same whether 10 or 400 policies apply to the
 * intent: nothing per policy evaluated, only the request and the answer.
 */
class JvmEvaluatorAllocationTest {
  private static final int DECISIONS = 20_000;

  @Test
  void allocationDoesNotGrowWithThePolicyCount() throws Exception {
    long few = bytesPerDecision(engineWith(10));
    long many = bytesPerDecision(engineWith(400));

    assertThat(many)
        .as("bytes per decision with 400 policies (10 policies: %d)", few)
        .isLessThanOrEqualTo(few + few / 10 + 64);
  }

  private static GovernanceEngine engineWith(int conditions) throws Exception {
    List<PolicyDocument> policies = new ArrayList<>();
    policies.add(
        new PolicyDocument(
            "paid",
            "permit(principal in Group::\"customers\", action == Action::\"call_reasoning\","
                + " resource) when { context.tier == \"paid\" };",
            EnforcementMode.ENFORCE,
            "test"));
    for (int i = 0; i < conditions; i++) {
      policies.add(
          new PolicyDocument(
              "limit-" + i,
              "forbid(principal, action == Action::\"call_reasoning\", resource) when {"
                  + " context has tokens && context.tokens > "
                  + (100_000 + i)
                  + " || principal in Group::\"blocked-"
                  + i
                  + "\" };",
              EnforcementMode.ENFORCE,
              "test"));
    }
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(new PolicySetSnapshot(1, policies));
    return engine;
  }

  private static long bytesPerDecision(GovernanceEngine engine) {
    DecisionRequest request =
        new DecisionRequest(
            "alice",
            Set.of("customers"),
            "call_reasoning",
            "agents/support",
            Map.of("tier", "paid", "tokens", 1200));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < DECISIONS; i++) {
      assertThat(engine.decide(request).effect()).isEqualTo(Effect.ALLOW);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < DECISIONS; i++) {
      engine.decide(request);
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / DECISIONS;
  }
}
