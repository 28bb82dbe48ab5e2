package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.RateLimit;

/**
 * Names one budget bucket: the budgeted policy, what it counts and who shares it.
 *
 * @param policyId the policy whose budget the bucket counts
 * @param kind tokens or cost
 * @param subject the principal's id, or {@code *} for a budget kept per runtime
 */
public record BudgetKey(String policyId, Budget.Kind kind, String subject) {

  /** The subject of a bucket every caller of the runtime shares (as for rate limits). */
  public static final String EVERYONE = "*";

  /** The bucket {@code principal}'s request draws on under {@code policyId}'s {@code budget}. */
  public static BudgetKey of(String policyId, Budget budget, String principal) {
    return new BudgetKey(
        policyId, budget.kind(), budget.key() == RateLimit.Key.RUNTIME ? EVERYONE : principal);
  }

  /** {@code <policy id>#<tokens|cost>#<subject>}: the bucket's part of a table key. */
  public String id() {
    return policyId + "#" + kind.label() + "#" + subject;
  }
}
