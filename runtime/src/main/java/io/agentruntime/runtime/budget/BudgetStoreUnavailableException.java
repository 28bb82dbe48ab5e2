package io.agentruntime.runtime.budget;

/**
 * A budgeted request whose bucket could not be checked, with {@code rateLimits.onStoreError: deny}
 * (budgets share the rate limits' outage behaviour): answered 503, nothing was dispatched.
 */
public final class BudgetStoreUnavailableException extends RuntimeException {
  public BudgetStoreUnavailableException(String policyId) {
    super(
        "the budget of policy '"
            + policyId
            + "' cannot be checked now (rateLimits.onStoreError is deny)",
        null,
        false,
        false);
  }
}
