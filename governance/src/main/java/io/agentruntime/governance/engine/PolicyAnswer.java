package io.agentruntime.governance.engine;

import java.util.List;

/**
 * Cedar's answer for one request against one set of policies, as either evaluator produces it.
 *
 * @param allowed Cedar's decision: some permit is satisfied and no forbid is
 * @param determining the satisfied permits of an allow, or the satisfied forbids of a deny, sorted
 * @param failed ids of the policies whose evaluation failed, sorted
 * @param errors one message per failed policy, {@code policy <id>: <error>}
 */
record PolicyAnswer(
    boolean allowed, List<String> determining, List<String> failed, List<String> errors) {
  PolicyAnswer {
    determining = List.copyOf(determining);
    failed = List.copyOf(failed);
    errors = List.copyOf(errors);
  }

  /**
   * The governance outcome: Cedar skips a policy whose evaluation fails and decides with the rest;
   * here any failure denies, so a policy that cannot be evaluated never silently lets a request
   * through.
   */
  Outcome toOutcome() {
    if (failed.isEmpty()) {
      return new Outcome(
          allowed ? Effect.ALLOW : Effect.DENY, determining, List.of(), List.of(), failed);
    }
    // A matching forbid is the clearer reason to name; otherwise the policies that failed decided.
    List<String> deciding = allowed || determining.isEmpty() ? failed : determining;
    return new Outcome(Effect.DENY, deciding, List.of(), errors, failed);
  }

  /**
   * Decides with {@code enforced} and reports the Audit-mode policies that would have denied: those
   * among the deciding policies of {@code withAudit} (enforced plus Audit-mode policies).
   */
  static Outcome withAudit(Outcome enforced, Outcome withAudit, java.util.Set<String> auditIds) {
    if (withAudit.effect() == Effect.ALLOW) {
      return enforced;
    }
    return enforced.withAuditDenials(
        withAudit.policies().stream().filter(auditIds::contains).toList());
  }
}
