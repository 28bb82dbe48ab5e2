package io.agentruntime.runtime.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.RateLimitConfig;
import io.agentruntime.governance.Budget;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.runtime.governance.DecisionLog;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reservation carried as JSON (in a queue message) and ended elsewhere ends the holds that were
 * placed: the worker's commit charges what the API's reservation would have charged.
 */
class BudgetReservationJsonTest {

  private final InMemoryBudgetStore store = new InMemoryBudgetStore(Clock.systemUTC());
  private final Principal ann = new Principal("ann", Set.of());
  private final Decision allowed =
      new Decision(
          Effect.ALLOW, EnforcementMode.ENFORCE, List.of("metered"), List.of(), List.of(), 1, 0);
  private final BackendConfig.Price price =
      new BackendConfig.Price(new BigDecimal("2"), new BigDecimal("10"));
  private final BudgetGate gate =
      new BudgetGate(
          () ->
              Map.of(
                  "metered",
                  List.of(Budget.parseTokens("1000/1d"), Budget.parseCost("1 USD/1d per runtime"))),
          store,
          RateLimitConfig.DEFAULT,
          new DecisionLog(),
          Clock.systemUTC());

  @Test
  void aReservationReadBackFromItsJsonCommitsTheReportedUsageInEveryBucket() {
    BudgetReservation placed = reserve("first", TokenUsage.of(100, 200));
    assertThat(placed.remaining()).isEqualTo(new BudgetReservation.BudgetRemaining(700, 997_800));

    BudgetReservation carried = BudgetReservation.fromJson(placed.toJson(), store);
    assertThat(carried.remaining()).isEqualTo(placed.remaining());
    assertThat(carried.commit(Optional.of(TokenUsage.of(40, 60))))
        .isEqualTo(new BudgetReservation.BudgetRemaining(900, 999_320));

    // the holds are gone: the whole window minus what was charged is free again
    assertThat(reserve("second", TokenUsage.of(900, 0)).remaining().tokens()).isZero();
  }

  @Test
  void nothingHeldIsNoJsonAndNoJsonIsNothingHeld() {
    assertThat(BudgetReservation.NONE.toJson()).isNull();
    assertThat(BudgetReservation.fromJson(null, store)).isSameAs(BudgetReservation.NONE);
  }

  @Test
  void jsonThatIsNoReservationIsRefusedNamingWhatIsWrong() {
    JsonObject json = reserve("third", TokenUsage.of(1, 1)).toJson();
    json.getJsonArray("holds").getJsonObject(0).put("kind", "minutes");
    assertThatThrownBy(() -> BudgetReservation.fromJson(json, store))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind: minutes");
  }

  private BudgetReservation reserve(String requestId, TokenUsage worstCase) {
    return gate.reserve(
            new RequestIds(requestId, Optional.empty()),
            ann,
            new BudgetedCall(
                "call_reasoning",
                new BudgetDemand(worstCase, Optional.of(price)),
                Duration.ofSeconds(30),
                (policy, outcome) -> {}),
            allowed)
        .result();
  }
}
