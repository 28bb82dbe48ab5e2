package io.agentruntime.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy limits among the requests it permits, beyond permitting them.
 *
 * @param rateLimit how many requests may pass, if limited
 * @param tokenBudget how many tokens they may consume per window, if budgeted
 * @param costBudget how many dollars they may cost per window, if budgeted
 */
public record PolicyLimits(
    Optional<RateLimit> rateLimit, Optional<Budget> tokenBudget, Optional<Budget> costBudget) {

  /** No limit at all. */
  public static final PolicyLimits NONE =
      new PolicyLimits(Optional.empty(), Optional.empty(), Optional.empty());

  public PolicyLimits {
    Objects.requireNonNull(rateLimit, "rateLimit");
    Objects.requireNonNull(tokenBudget, "tokenBudget");
    Objects.requireNonNull(costBudget, "costBudget");
    tokenBudget.ifPresent(budget -> requireKind(budget, Budget.Kind.TOKENS));
    costBudget.ifPresent(budget -> requireKind(budget, Budget.Kind.COST));
  }

  /** Only a rate limit. */
  public static PolicyLimits of(RateLimit rateLimit) {
    return new PolicyLimits(Optional.of(rateLimit), Optional.empty(), Optional.empty());
  }

  /** The budget of {@code kind}, if any. */
  public Optional<Budget> budget(Budget.Kind kind) {
    return kind == Budget.Kind.TOKENS ? tokenBudget : costBudget;
  }

  /** The token budget, then the cost budget, those present. */
  public List<Budget> budgets() {
    List<Budget> budgets = new ArrayList<>(2);
    tokenBudget.ifPresent(budgets::add);
    costBudget.ifPresent(budgets::add);
    return List.copyOf(budgets);
  }

  private static void requireKind(Budget budget, Budget.Kind kind) {
    if (budget.kind() != kind) {
      throw new IllegalArgumentException("expected a " + kind.label() + " budget, got " + budget);
    }
  }
}
