package io.agentruntime.runtime.budget;

/**
 * A bucket's answer to a reservation.
 *
 * @param granted the reservation fits and is held
 * @param remaining what the window has left after it (when granted) or now (when not), never below
 *     zero
 * @param retryAfterSeconds when not granted: whole seconds until the window resets, at least 1
 */
public record BudgetAnswer(boolean granted, long remaining, long retryAfterSeconds) {

  static BudgetAnswer granted(long remaining) {
    return new BudgetAnswer(true, Math.max(0, remaining), 0);
  }

  static BudgetAnswer exhausted(long remaining, long windowEndMillis, long nowMillis) {
    long seconds = Math.max(1, (windowEndMillis - nowMillis + 999) / 1000);
    return new BudgetAnswer(false, Math.max(0, remaining), seconds);
  }
}
