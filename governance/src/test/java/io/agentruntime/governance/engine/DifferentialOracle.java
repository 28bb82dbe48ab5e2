package io.agentruntime.governance.engine;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.engine.jvm.JvmRequest;
import java.util.List;
import java.util.Optional;

/**
 * Decides one request with both evaluators and says how they differ: Cedar's raw answer (decision,
 * determining policies, failed policies) for the enforced set and for the set with Audit-mode
 * policies, and the engine's outcome.
 */
final class DifferentialOracle {
  private final BasicAuthorizationEngine cedar = new BasicAuthorizationEngine();
  private final PolicySetCompiler compiler = new PolicySetCompiler();

  /** A compiled policy set, or why the JVM evaluator does not take it. */
  CompiledPolicySet compile(List<PolicyDocument> policies) throws PolicySetCompilationException {
    return compiler.compile(new PolicySetSnapshot(1, policies));
  }

  /** How the evaluators disagree on {@code request}, or empty when they agree. */
  Optional<String> disagreement(CompiledPolicySet set, DecisionRequest request) {
    ActionPolicies policies = set.forAction(request.action());
    if (policies.jvm().isEmpty()) {
      return Optional.of("the JVM evaluator refused the set: " + set.jvmUnsupported().orElse("?"));
    }
    if (!ContextCheck.readableInPlace(request)) {
      return Optional.empty();
    }
    JvmRequest jvmRequest =
        new JvmRequest(
            request.principal(),
            request.groups(),
            request.action(),
            request.resource(),
            request.context());
    CedarCall call;
    try {
      call = CedarCall.of(request, ContextConverter.convert(request.context()));
    } catch (ContextConversionException e) {
      return Optional.of("a context the check accepted does not convert: " + e.getMessage());
    }
    PolicyAnswer rawEnforced = raw(policies.enforced(), call);
    Optional<String> enforced =
        compare(
            "enforced", rawEnforced, JvmEvaluator.answer(policies.jvm().get(), jvmRequest, false));
    if (enforced.isPresent()) {
      return enforced;
    }
    PolicyAnswer rawAll = null;
    if (policies.withAudit().isPresent()) {
      rawAll = raw(policies.withAudit().get(), call);
      Optional<String> all =
          compare(
              "with audit", rawAll, JvmEvaluator.answer(policies.jvm().get(), jvmRequest, true));
      if (all.isPresent()) {
        return all;
      }
    }
    Outcome oracle = rawEnforced.toOutcome();
    if (oracle.effect() == Effect.ALLOW && rawAll != null) {
      oracle = PolicyAnswer.withAudit(oracle, rawAll.toOutcome(), policies.auditIds());
    }
    Outcome decided = JvmEvaluator.evaluate(policies.jvm().get(), jvmRequest);
    return decided.agreesWith(oracle)
        ? Optional.empty()
        : Optional.of("outcomes differ: cedar-java " + oracle + ", JVM " + decided);
  }

  private PolicyAnswer raw(PolicySet set, CedarCall call) {
    AuthorizationResponse response;
    try {
      response = cedar.isAuthorized(call.request(), set, call.entities());
    } catch (AuthException e) {
      throw new IllegalStateException("cedar-java failed", e);
    }
    if (response.success.isEmpty()) {
      return new PolicyAnswer(
          false, List.of(), List.of("<request>"), List.of(response.errors.toString()));
    }
    return CedarEvaluator.answer(response.success.get());
  }

  private static Optional<String> compare(String which, PolicyAnswer cedar, PolicyAnswer jvm) {
    if (cedar.allowed() == jvm.allowed()
        && cedar.determining().equals(jvm.determining())
        && cedar.failed().equals(jvm.failed())) {
      return Optional.empty();
    }
    return Optional.of(
        which + ": cedar-java " + describe(cedar) + "\n   JVM        " + describe(jvm));
  }

  private static String describe(PolicyAnswer answer) {
    return (answer.allowed() ? "Allow" : "Deny")
        + " determining "
        + answer.determining()
        + " failed "
        + answer.failed()
        + " "
        + answer.errors();
  }
}
