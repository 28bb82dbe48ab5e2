package io.agentruntime.governance.engine;

import io.agentruntime.governance.EnforcementMode;
import java.util.List;

/**
 * The answer to a {@link DecisionRequest}.
 *
 * @param effect what the enforced policies decided (default deny; an evaluation error denies)
 * @param mode {@link EnforcementMode#AUDIT} when the engine runs in Audit mode: {@link
 *     #permitted()} is then always true
 * @param policies ids of the policies that determined {@code effect} (the forbidding policy for a
 *     deny, the permitting policies for an allow); empty for a default deny
 * @param auditDenials ids of Audit-mode policies that would have denied an allowed request
 * @param errors Cedar evaluation errors (each denies); empty normally
 * @param policySetVersion version of the policy set that decided
 * @param evaluationNanos time spent deciding
 */
public record Decision(
    Effect effect,
    EnforcementMode mode,
    List<String> policies,
    List<String> auditDenials,
    List<String> errors,
    long policySetVersion,
    long evaluationNanos) {
  public Decision {
    policies = List.copyOf(policies);
    auditDenials = List.copyOf(auditDenials);
    errors = List.copyOf(errors);
  }

  /** Whether the request may proceed: allowed, or denied in Audit mode. */
  public boolean permitted() {
    return effect == Effect.ALLOW || mode == EnforcementMode.AUDIT;
  }
}
