package io.agentruntime.governance.engine;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.RateLimit;
import java.util.List;
import java.util.Map;

/**
 * The limits of an installed policy set's policies, by policy id: only limited policies appear.
 *
 * @param rateLimits each rate-limited policy's limit
 * @param budgets each budgeted policy's budgets, tokens before cost
 */
record InstalledLimits(Map<String, RateLimit> rateLimits, Map<String, List<Budget>> budgets) {

  static final InstalledLimits NONE = new InstalledLimits(Map.of(), Map.of());

  InstalledLimits {
    rateLimits = Map.copyOf(rateLimits);
    budgets = Map.copyOf(budgets);
  }
}
