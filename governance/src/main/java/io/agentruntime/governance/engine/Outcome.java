package io.agentruntime.governance.engine;

import java.util.List;

/**
 * What Cedar decided for one request against one policy set; the memoised part of a {@link
 * Decision}.
 */
record Outcome(
    Effect effect, List<String> policies, List<String> auditDenials, List<String> errors) {
  Outcome {
    policies = List.copyOf(policies);
    auditDenials = List.copyOf(auditDenials);
    errors = List.copyOf(errors);
  }

  /** A denial caused by an error outside Cedar's policies (malformed request, engine failure). */
  static Outcome error(String message) {
    return new Outcome(Effect.DENY, List.of(), List.of(), List.of(message));
  }

  Outcome withAuditDenials(List<String> denials) {
    return new Outcome(effect, policies, denials, errors);
  }
}
