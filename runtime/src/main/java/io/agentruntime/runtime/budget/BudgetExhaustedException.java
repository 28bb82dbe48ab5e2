package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;

/**
 * A request's reservation does not fit in a policy's budget: answered 429 with {@code Retry-After}
 * to the window's reset, naming the budget.
 */
public final class BudgetExhaustedException extends RuntimeException {

  private final String policyId;
  private final Budget budget;
  private final BudgetAnswer answer;

  public BudgetExhaustedException(String policyId, Budget budget, BudgetAnswer answer) {
    super(
        "the "
            + budget.kind().label()
            + " budget of policy '"
            + policyId
            + "' ("
            + budget
            + ") cannot hold this request: "
            + budget.kind().format(answer.remaining())
            + " left in the window",
        null,
        false,
        false);
    this.policyId = policyId;
    this.budget = budget;
    this.answer = answer;
  }

  public String policyId() {
    return policyId;
  }

  public Budget budget() {
    return budget;
  }

  /** Whole seconds until the window resets, at least 1. */
  public long retryAfterSeconds() {
    return answer.retryAfterSeconds();
  }

  /** What the window has left, in the budget's units. */
  public long remaining() {
    return answer.remaining();
  }
}
