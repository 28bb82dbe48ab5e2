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
 * Runs cedar-java for one request and turns its answer into an {@link Outcome}: the evaluator of
 * {@code governance.evaluator: cedar}, and the oracle the JVM evaluator is checked against.
 */
final class CedarEvaluator {
  private final BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();

  /** Converts the request's context and decides; a context Cedar cannot take denies. */
  Outcome decide(ActionPolicies policies, DecisionRequest request) {
    try {
      return evaluate(policies, CedarCall.of(request, ContextConverter.convert(request.context())));
    } catch (ContextConversionException e) {
      return Outcome.error(e.getMessage());
    }
  }

  /** Decides with the enforced set and reports Audit-mode policies that would have denied. */
  Outcome evaluate(ActionPolicies policies, CedarCall call) {
    Outcome enforced = authorize(policies.enforced(), call);
    Optional<PolicySet> withAudit = policies.withAudit();
    if (enforced.effect() != Effect.ALLOW || withAudit.isEmpty()) {
      return enforced;
    }
    return PolicyAnswer.withAudit(enforced, authorize(withAudit.get(), call), policies.auditIds());
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
      return new Outcome(Effect.DENY, List.of(), List.of(), errors, List.of());
    }
    return answer(response.success.get()).toOutcome();
  }

  /** Cedar's answer in the form both evaluators share. */
  static PolicyAnswer answer(AuthorizationSuccessResponse success) {
    List<AuthorizationSuccessResponse.AuthorizationError> failures = success.getErrors();
    return new PolicyAnswer(
        success.isAllowed(),
        List.copyOf(new TreeSet<>(success.getReason())),
        List.copyOf(
            new TreeSet<>(
                failures.stream()
                    .map(AuthorizationSuccessResponse.AuthorizationError::getPolicyId)
                    .toList())),
        failures.stream().map(f -> "policy " + f.getPolicyId() + ": " + describe(f)).toList());
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
