package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One bucket's window in this pod's memory: what was spent and what live holds reserve. Not
 * thread-safe; {@link InMemoryBudgetStore} confines each ledger to one caller at a time.
 */
final class BudgetLedger {

  private long windowEndMillis;
  private long spent;
  private long held;
  private final Map<String, BudgetHold> holds = new HashMap<>();

  BudgetLedger(Budget budget, long nowMillis) {
    moveTo(budget, nowMillis);
  }

  BudgetAnswer reserve(Budget budget, BudgetHold hold, long nowMillis) {
    roll(budget, nowMillis);
    holds.values().removeIf(expired -> expired.expired(nowMillis) && release(expired));
    long remaining = budget.cap() - spent - held;
    if (hold.amount() > remaining) {
      return BudgetAnswer.exhausted(remaining, windowEndMillis, nowMillis);
    }
    holds.put(hold.id(), hold);
    held += hold.amount();
    return BudgetAnswer.granted(remaining - hold.amount());
  }

  long settle(Budget budget, BudgetHold hold, long used, long nowMillis) {
    roll(budget, nowMillis);
    BudgetHold held = holds.remove(hold.id());
    if (held != null) {
      release(held);
    }
    spent += used;
    return Math.max(0, budget.cap() - spent - this.held);
  }

  /** When the bucket is as good as new: its window is over, and nothing is held. */
  long forgettableAtMillis() {
    return windowEndMillis;
  }

  private boolean release(BudgetHold hold) {
    held -= hold.amount();
    return true;
  }

  /** A new window starts empty: its holds and spending belong to the one that ended. */
  private void roll(Budget budget, long nowMillis) {
    if (nowMillis >= windowEndMillis) {
      moveTo(budget, nowMillis);
    }
  }

  private void moveTo(Budget budget, long nowMillis) {
    Instant start = budget.window().start(Instant.ofEpochMilli(nowMillis));
    windowEndMillis = budget.window().end(start).toEpochMilli();
    spent = 0;
    held = 0;
    holds.clear();
  }
}
