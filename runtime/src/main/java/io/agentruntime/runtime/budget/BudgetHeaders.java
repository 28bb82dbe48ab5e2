package io.agentruntime.runtime.budget;

/** The answer headers that report budgets (docs/api.md lists them). */
public final class BudgetHeaders {

  /** Tokens left in the window of the tightest token budget that applied. */
  public static final String REMAINING_TOKENS = "x-budget-remaining-tokens";

  /** US dollars left in the window of the tightest cost budget that applied. */
  public static final String REMAINING_USD = "x-budget-remaining-usd";

  private BudgetHeaders() {}
}
