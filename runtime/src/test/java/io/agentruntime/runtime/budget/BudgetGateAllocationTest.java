package io.agentruntime.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.runtime.governance.DecisionLog;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.intent.Intent;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A dispatch no budget applies to costs the budget gate no allocation: without budget policies, and
 * when the permitting policies carry none, reserving and ending the reservation allocate nothing (a
 * constant future, a constant reservation).
 */
class BudgetGateAllocationTest {

  private static final int CALLS = 50_000;

  private final RequestIds ids = new RequestIds("request", Optional.empty());
  private final Principal principal = new Principal("ann", Set.of());
  private final Intent intent =
      new Intent(
          new IntentConfig("call_reasoning", Duration.ofSeconds(1), new BackendConfig.Echo()),
          null,
          null);
  private final Decision decision =
      new Decision(
          Effect.ALLOW, EnforcementMode.ENFORCE, List.of("allow-all"), List.of(), List.of(), 1, 0);
  private final JsonObject input = new JsonObject().put("prompt", "hello");

  @Test
  void withoutBudgetPoliciesADispatchAllocatesNothingHere() {
    assertThat(bytesPerDispatch(gate(Map.of()))).isZero();
  }

  @Test
  void whenThePermittingPoliciesHaveNoBudgetADispatchAllocatesNothingHere() {
    Map<String, List<Budget>> others = Map.of("metered", List.of(Budget.parseTokens("1000/1d")));
    assertThat(bytesPerDispatch(gate(others))).isZero();
  }

  private BudgetGate gate(Map<String, List<Budget>> budgets) {
    return new BudgetGate(
        () -> budgets,
        new InMemoryBudgetStore(Clock.systemUTC()),
        RateLimitConfig.DEFAULT,
        new DecisionLog(),
        Clock.systemUTC());
  }

  private long bytesPerDispatch(BudgetGate gate) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < CALLS; i++) {
      dispatch(gate);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < CALLS; i++) {
      dispatch(gate);
    }
    return (threads.getCurrentThreadAllocatedBytes() - before) / CALLS;
  }

  private void dispatch(BudgetGate gate) {
    BudgetReservation reservation = gate.reserve(ids, principal, intent, decision, input).result();
    reservation.commit(Optional.empty());
  }
}
