package io.agentruntime.governance.engine;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.AuthorizationSuccessResponse;
import com.cedarpolicy.model.DetailedError;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Runs Cedar for one request and turns its answer into an {@link Outcome}.
 *
 * <p>Cedar itself skips a policy whose condition fails to evaluate and decides with the rest; here
 * any evaluation error denies, so a policy that cannot be evaluated never silently lets a request
 * through.
 */
final class CedarEvaluator {
  private final BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();

  /** Decides with the enforced set and reports Audit-mode policies that would have denied. */
  Outcome evaluate(ActionPolicies policies, CedarCall call) {
    Outcome enforced = authorize(policies.enforced(), call);
    Optional<PolicySet> withAudit = policies.withAudit();
    if (enforced.effect() != Effect.ALLOW || withAudit.isEmpty()) {
      return enforced;
    }
    Outcome combined = authorize(withAudit.get(), call);
    if (combined.effect() == Effect.ALLOW) {
      return enforced;
    }
    List<String> denials =
        combined.policies().stream().filter(policies.auditIds()::contains).toList();
    return enforced.withAuditDenials(denials);
  }

  private Outcome authorize(PolicySet set, CedarCall call) {
    AuthorizationResponse response;
    try {
      response = cedar.isAuthorized(call.request(), set, call.entities());
    } catch (AuthException | RuntimeException e) {
      return Outcome.error("Cedar evaluation failed: " + e.getMessage());
    }
    if (response.success.isEmpty()) {
      List<String> errors =
          response.errors.map(list -> list.stream().map(e -> e.message).toList()).orElse(List.of());
      return new Outcome(Effect.DENY, List.of(), List.of(), errors);
    }
    return fromSuccess(response.success.get());
  }

  private static Outcome fromSuccess(AuthorizationSuccessResponse success) {
    List<String> reasons = List.copyOf(new TreeSet<>(success.getReason()));
    List<AuthorizationSuccessResponse.AuthorizationError> failures = success.getErrors();
    if (failures.isEmpty()) {
      Effect effect = success.isAllowed() ? Effect.ALLOW : Effect.DENY;
      return new Outcome(effect, reasons, List.of(), List.of());
    }
    List<String> errors =
        failures.stream().map(f -> "policy " + f.getPolicyId() + ": " + describe(f)).toList();
    List<String> failing =
        List.copyOf(
            new TreeSet<>(
                failures.stream()
                    .map(AuthorizationSuccessResponse.AuthorizationError::getPolicyId)
                    .toList()));
    // A matching forbid is the clearer reason to name; otherwise the policies that failed decided.
    List<String> deciding = success.isAllowed() || reasons.isEmpty() ? failing : reasons;
    return new Outcome(Effect.DENY, deciding, List.of(), errors);
  }

  private static String describe(AuthorizationSuccessResponse.AuthorizationError failure) {
    DetailedError error = failure.getError();
    return error
        .help
        .filter(h -> !h.isBlank())
        .map(h -> error.message + " (" + h + ")")
        .orElse(error.message);
  }
}
