package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;
import io.vertx.core.Future;

/**
 * Keeps budget buckets: per window, the cap, what was spent and what live reservations hold. In
 * this pod's memory, or in a shared table where every pod sees every reservation. Never blocks the
 * calling thread.
 */
public interface BudgetStore extends AutoCloseable {

  /**
   * Holds {@code hold.amount()} in {@code key}'s bucket if it fits beside what was spent and what
   * others hold; expired holds of others are returned first. All or nothing, atomic across pods.
   *
   * @return the answer; failed with {@link BudgetStoreException} when the bucket could not be read
   *     or written
   */
  Future<BudgetAnswer> reserve(BudgetKey key, Budget budget, BudgetHold hold);

  /**
   * Ends {@code hold}: charges {@code used} and returns the rest of the hold to the bucket. A hold
   * that expired or whose window ended meanwhile is gone; {@code used} is then charged to the
   * bucket's current window, so consumption is never lost.
   *
   * @return what the window has left afterwards
   */
  Future<Long> settle(BudgetKey key, Budget budget, BudgetHold hold, long used);

  @Override
  default void close() {}
}
