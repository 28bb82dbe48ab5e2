package io.agentruntime.governance.engine;

import java.util.List;

/**
 * What Cedar decided for one request against one policy set; the memoised part of a {@link
 * Decision}.
 *
 * @param failedPolicies ids of the policies whose evaluation failed (sorted), which {@code errors}
 *     describe; empty for errors outside the policies
 */
record Outcome(
    Effect effect,
    List<String> policies,
    List<String> auditDenials,
    List<String> errors,
    List<String> failedPolicies) {
  Outcome {
    policies = List.copyOf(policies);
    auditDenials = List.copyOf(auditDenials);
    errors = List.copyOf(errors);
    failedPolicies = List.copyOf(failedPolicies);
  }

  /** A denial caused by an error outside Cedar's policies (malformed request, engine failure). */
  static Outcome error(String message) {
    return new Outcome(Effect.DENY, List.of(), List.of(), List.of(message), List.of());
  }

  Outcome withAuditDenials(List<String> denials) {
    return new Outcome(effect, policies, denials, errors, failedPolicies);
  }

  /**
   * Whether two evaluators agree: same effect, deciding policies, audit denials and failed
   * policies. Error texts are not compared: they are written by each evaluator in its own words.
   */
  boolean agreesWith(Outcome other) {
    return effect == other.effect
        && policies.equals(other.policies)
        && auditDenials.equals(other.auditDenials)
        && failedPolicies.equals(other.failedPolicies)
        && errors.isEmpty() == other.errors.isEmpty();
  }
}
