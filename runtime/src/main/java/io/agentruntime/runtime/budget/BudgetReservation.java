package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.backend.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The holds one request placed in its budgets, to be ended exactly once after the backend call,
 * whatever its outcome: {@link #commit} when the call answered, {@link #release} when it did not.
 * Ending writes to the store in the background: the answer does not wait for it, and a hold a
 * failed write leaves behind expires on its own.
 */
public final class BudgetReservation {

  private static final Logger LOG = LoggerFactory.getLogger(BudgetReservation.class);

  /** The reservation of a request no budget applies to: ending it does nothing. */
  public static final BudgetReservation NONE = new BudgetReservation(null, List.of(), null, null);

  /**
   * One bucket's hold.
   *
   * @param remaining what the window had left once the hold was placed
   */
  record Held(String policyId, BudgetKey key, Budget budget, BudgetHold hold, long remaining) {}

  private final BudgetStore store;
  private final List<Held> held;
  private final BudgetDemand demand;
  private final BudgetGate gate;

  BudgetReservation(BudgetStore store, List<Held> held, BudgetDemand demand, BudgetGate gate) {
    this.store = store;
    this.held = held;
    this.demand = demand;
    this.gate = gate;
  }

  /**
   * Charges what the call consumed and returns the rest of each hold. A backend that reports no
   * usage is charged the whole reservation (its prompt estimate and completion bound), so a budget
   * never counts less than was possibly spent.
   *
   * @param reported the usage the backend reported, if any
   * @return what each kind of budget has left after this request, the tightest of its buckets
   */
  public BudgetRemaining commit(Optional<TokenUsage> reported) {
    if (held.isEmpty()) {
      return BudgetRemaining.NONE;
    }
    TokenUsage used = reported.orElse(demand.worstCase());
    BudgetRemaining remaining = BudgetRemaining.NONE;
    for (Held one : held) {
      long amount = demand.amount(one.budget().kind(), used).orElse(0L);
      end(one, amount);
      long left = one.remaining() + one.hold().amount() - amount;
      remaining = remaining.tighter(one.budget().kind(), left);
    }
    return remaining;
  }

  /** Returns every hold whole: the call consumed nothing the runtime can know of. */
  public void release() {
    held.forEach(one -> end(one, 0));
  }

  private void end(Held one, long used) {
    store
        .settle(one.key(), one.budget(), one.hold(), used)
        .onFailure(
            failure ->
                gate.warnOfStoreError(
                    () ->
                        LOG.warn(
                            "budget hold of request {} in policy '{}' not settled; it expires at"
                                + " {}: {}",
                            one.hold().id(),
                            one.policyId(),
                            Instant.ofEpochMilli(one.hold().expiresAtMillis()),
                            failure.getMessage())));
  }

  /**
   * What budgets have left after a request, for its answer's headers.
   *
   * @param tokens tokens left in the tightest token budget, -1 when none applied
   * @param costMicros micro-dollars left in the tightest cost budget, -1 when none applied
   */
  public record BudgetRemaining(long tokens, long costMicros) {
    public static final BudgetRemaining NONE = new BudgetRemaining(-1, -1);

    BudgetRemaining tighter(Budget.Kind kind, long left) {
      long clamped = Math.max(0, left);
      return kind == Budget.Kind.TOKENS
          ? new BudgetRemaining(tokens < 0 ? clamped : Math.min(tokens, clamped), costMicros)
          : new BudgetRemaining(tokens, costMicros < 0 ? clamped : Math.min(costMicros, clamped));
    }
  }
}
