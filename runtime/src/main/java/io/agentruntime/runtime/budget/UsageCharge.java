package io.agentruntime.runtime.budget;

import io.agentruntime.runtime.budget.BudgetReservation.BudgetRemaining;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.usage.CallOutcome;
import io.agentruntime.runtime.usage.TokenUsage;
import java.util.Optional;

/**
 * The one place a finished model call is charged, on every path (whole, streamed, queued): the
 * tokens its backend reported are counted in the intent's meters, and its budget reservation ends.
 *
 * <p>Reported usage is committed however the call ended (a stream that failed after its final usage
 * chunk did consume it). Without reported usage, a completed call is charged its whole reservation
 * (a budget never counts less than was possibly spent), while a failed or cancelled one is
 * released: what the backend generated before it stopped is unknown, and docs/policies.md states
 * that bound.
 */
public final class UsageCharge {

  private UsageCharge() {}

  /**
   * Charges the call of {@code intent} that ended {@code how}, having reported {@code usage}.
   *
   * @return what each kind of budget has left afterwards
   */
  public static BudgetRemaining settle(
      Intent intent, BudgetReservation reservation, CallOutcome how, Optional<TokenUsage> usage) {
    if (usage.isPresent()) {
      TokenUsage used = usage.get();
      intent
          .meters()
          .recordUsage(
              used.promptTokens(),
              used.completionTokens(),
              intent
                  .config()
                  .backend()
                  .price()
                  .map(price -> price.micros(used.promptTokens(), used.completionTokens()))
                  .orElse(-1L));
      return reservation.commit(usage);
    }
    if (how == CallOutcome.COMPLETED) {
      return reservation.commit(Optional.empty());
    }
    reservation.release();
    return BudgetRemaining.NONE;
  }
}
