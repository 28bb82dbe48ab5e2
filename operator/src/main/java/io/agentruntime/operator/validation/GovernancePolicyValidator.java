package io.agentruntime.operator.validation;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.PolicyCostBudgetSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyRateLimitSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyTokenBudgetSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a GovernancePolicy before anything is written to its runtime's store, for what its CRD
 * schema cannot say: the Cedar text (exactly one policy, its syntax errors reported with line and
 * column), the rate limit's period range and each budget as the runtime reads it. The schema (the
 * runtime's name, the required fields, the least number of requests, the dollar amount's form)
 * refuses everything else at {@code kubectl apply}, and the {@code render} command checks its input
 * against it first, so each bound is stated once.
 */
public final class GovernancePolicyValidator {

  private static final Duration MIN_PER = Duration.ofSeconds(1);

  private final CedarSyntaxCheck cedar = new CedarSyntaxCheck();

  /** Every problem found in {@code policy}, in spec order; empty when it is valid. */
  public List<ValidationError> validate(GovernancePolicy policy) {
    var checks = new FieldChecks();
    var spec = policy.getSpec();
    if (spec != null) {
      checkCedar(spec.getCedar(), checks);
      checkRateLimit(spec.getRateLimit(), checks);
      checkTokenBudget(spec.getTokenBudget(), checks);
      checkCostBudget(spec.getCostBudget(), checks);
    }
    return checks.errors();
  }

  private void checkCedar(String text, FieldChecks checks) {
    if (text != null) {
      cedar.check(text).ifPresent(error -> checks.fail("spec.cedar", error.describe()));
    }
  }

  private static void checkRateLimit(PolicyRateLimitSpec rateLimit, FieldChecks checks) {
    if (rateLimit == null) {
      return;
    }
    checks
        .duration("spec.rateLimit.per", rateLimit.getPer())
        .filter(per -> per.compareTo(MIN_PER) < 0 || per.compareTo(RateLimit.MAX_PER) > 0)
        .ifPresent(
            per ->
                checks.fail(
                    "spec.rateLimit.per", "must be between 1s and 24h, got " + rateLimit.getPer()));
  }

  private static void checkTokenBudget(PolicyTokenBudgetSpec budget, FieldChecks checks) {
    if (budget != null && budget.getTokens() != null && budget.getPer() != null) {
      checkBudget("spec.tokenBudget", budget::toBudget, checks);
    }
  }

  private static void checkCostBudget(PolicyCostBudgetSpec budget, FieldChecks checks) {
    if (budget != null && budget.getUsd() != null && budget.getPer() != null) {
      checkBudget("spec.costBudget", budget::toBudget, checks);
    }
  }

  /** A budget the schema let through may still be out of range: a 32d window, a zero cap. */
  private static void checkBudget(String field, Supplier<Budget> budget, FieldChecks checks) {
    try {
      budget.get();
    } catch (IllegalArgumentException e) {
      checks.fail(field, e.getMessage());
    }
  }
}
