package io.agentruntime.operator.validation;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.governance.cedar.CedarSyntaxCheck;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicySpec;
import io.agentruntime.operator.api.v1alpha1.PolicyCostBudgetSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyRateLimitSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyTokenBudgetSpec;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks a GovernancePolicy before anything is written to its runtime's store: the runtime's name,
 * the Cedar text (exactly one policy, its syntax errors reported with line and column), the rate
 * limit and the budgets. The CRD schema rejects most shape mistakes at {@code kubectl apply}; Cedar
 * syntax only this can check.
 */
public final class GovernancePolicyValidator {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_LABEL_LENGTH = 63;
  private static final Duration MIN_PER = Duration.ofSeconds(1);
  private static final Pattern USD = Pattern.compile(PolicyCostBudgetSpec.USD_PATTERN);

  private final CedarSyntaxCheck cedar = new CedarSyntaxCheck();

  /** Every problem found in {@code policy}, in spec order; empty when it is valid. */
  public List<ValidationError> validate(GovernancePolicy policy) {
    var checks = new FieldChecks();
    var spec = policy.getSpec();
    if (checks.required("spec", spec)) {
      checkRuntime(spec.getRuntime(), checks);
      checkCedar(spec, checks);
      checkRateLimit(spec.getRateLimit(), checks);
      checkTokenBudget(spec.getTokenBudget(), checks);
      checkCostBudget(spec.getCostBudget(), checks);
    }
    return checks.errors();
  }

  private static void checkRuntime(String runtime, FieldChecks checks) {
    if (!checks.required("spec.runtime", runtime)) {
      return;
    }
    if (runtime.length() > MAX_LABEL_LENGTH || !DNS_LABEL.matcher(runtime).matches()) {
      checks.fail(
          "spec.runtime",
          "'"
              + runtime
              + "' is not an AgentRuntime name (at most 63 lower-case letters, digits and -,"
              + " starting with a letter)");
    }
  }

  private void checkCedar(GovernancePolicySpec spec, FieldChecks checks) {
    if (checks.required("spec.cedar", spec.getCedar())) {
      cedar.check(spec.getCedar()).ifPresent(error -> checks.fail("spec.cedar", error.describe()));
    }
  }

  private static void checkRateLimit(PolicyRateLimitSpec rateLimit, FieldChecks checks) {
    if (rateLimit == null) {
      return;
    }
    if (checks.required("spec.rateLimit.requests", rateLimit.getRequests())
        && rateLimit.getRequests() < 1) {
      checks.fail("spec.rateLimit.requests", "must be at least 1, got " + rateLimit.getRequests());
    }
    if (checks.required("spec.rateLimit.per", rateLimit.getPer())) {
      checks
          .duration("spec.rateLimit.per", rateLimit.getPer())
          .filter(per -> per.compareTo(MIN_PER) < 0 || per.compareTo(RateLimit.MAX_PER) > 0)
          .ifPresent(
              per ->
                  checks.fail(
                      "spec.rateLimit.per",
                      "must be between 1s and 24h, got " + rateLimit.getPer()));
    }
  }

  private static void checkTokenBudget(PolicyTokenBudgetSpec budget, FieldChecks checks) {
    if (budget != null
        && checks.required("spec.tokenBudget.tokens", budget.getTokens())
        && checks.required("spec.tokenBudget.per", budget.getPer())) {
      checkBudget("spec.tokenBudget", budget::toBudget, checks);
    }
  }

  private static void checkCostBudget(PolicyCostBudgetSpec budget, FieldChecks checks) {
    if (budget == null
        || !checks.required("spec.costBudget.usd", budget.getUsd())
        || !checks.required("spec.costBudget.per", budget.getPer())) {
      return;
    }
    if (!USD.matcher(budget.getUsd()).matches()) {
      checks.fail(
          "spec.costBudget.usd",
          "must be dollars with at most 6 decimals, got '" + budget.getUsd() + "'");
      return;
    }
    checkBudget("spec.costBudget", budget::toBudget, checks);
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
