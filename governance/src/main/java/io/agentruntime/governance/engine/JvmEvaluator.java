package io.agentruntime.governance.engine;

import io.agentruntime.governance.engine.jvm.CompiledPolicy;
import io.agentruntime.governance.engine.jvm.JvmRequest;
import io.agentruntime.governance.engine.jvm.PolicyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides with the policies compiled for the JVM ({@code governance.evaluator: jvm}): the same
 * {@link Outcome} cedar-java would give, without a native call or a JSON round trip.
 *
 * <p>Each policy is evaluated once; the enforced answer and the answer with Audit-mode policies are
 * both read from those results. Lists are only created for policies that are satisfied or fail, so
 * a decision allocates nothing in proportion to the number of policies.
 */
final class JvmEvaluator {
  private JvmEvaluator() {}

  static Outcome evaluate(JvmActionPolicies policies, JvmRequest request) {
    Tally enforced = new Tally();
    Tally audited = policies.hasAudit() ? new Tally() : null;
    for (int i = 0; i < policies.size(); i++) {
      CompiledPolicy policy = policies.policy(i);
      PolicyResult result = policy.evaluate(request);
      if (result.satisfied() || result.failed()) {
        (policies.audit(i) ? audited : enforced).add(policy, result);
      }
    }
    Outcome outcome = enforced.answer(null).toOutcome();
    if (audited == null || outcome.effect() != Effect.ALLOW) {
      return outcome;
    }
    Set<String> auditIds = audited.ids();
    return PolicyAnswer.withAudit(outcome, audited.answer(enforced).toOutcome(), auditIds);
  }

  /**
   * Cedar's answer over the enforced policies only, or over all of them with {@code withAudit}: the
   * raw answers the differential tests compare with cedar-java's.
   */
  static PolicyAnswer answer(JvmActionPolicies policies, JvmRequest request, boolean withAudit) {
    Tally tally = new Tally();
    for (int i = 0; i < policies.size(); i++) {
      if (withAudit || !policies.audit(i)) {
        CompiledPolicy policy = policies.policy(i);
        PolicyResult result = policy.evaluate(request);
        if (result.satisfied() || result.failed()) {
          tally.add(policy, result);
        }
      }
    }
    return tally.answer(null);
  }

  /** The satisfied and failed policies of one mode. */
  private static final class Tally {
    private List<String> permits;
    private List<String> forbids;
    private List<String> failed;
    private List<String> errors;

    void add(CompiledPolicy policy, PolicyResult result) {
      if (result.failed()) {
        failed = append(failed, policy.id());
        errors = append(errors, "policy " + policy.id() + ": " + result.error());
      } else if (policy.permit()) {
        permits = append(permits, policy.id());
      } else {
        forbids = append(forbids, policy.id());
      }
    }

    Set<String> ids() {
      Set<String> ids = new TreeSet<>();
      for (List<String> list : new List[] {permits, forbids, failed}) {
        if (list != null) {
          ids.addAll(list);
        }
      }
      return ids;
    }

    /** Cedar's answer over this tally's policies, plus {@code also}'s when given. */
    PolicyAnswer answer(Tally also) {
      List<String> allPermits = merge(permits, also == null ? null : also.permits);
      List<String> allForbids = merge(forbids, also == null ? null : also.forbids);
      boolean allowed = !allPermits.isEmpty() && allForbids.isEmpty();
      return new PolicyAnswer(
          allowed,
          allowed ? allPermits : allForbids,
          merge(failed, also == null ? null : also.failed),
          merge(errors, also == null ? null : also.errors));
    }

    private static List<String> append(List<String> list, String value) {
      List<String> target = list == null ? new ArrayList<>(2) : list;
      target.add(value);
      return target;
    }

    private static List<String> merge(List<String> first, List<String> second) {
      if (first == null && second == null) {
        return List.of();
      }
      if (second == null || first == null) {
        // The usual case, one mode's policies only: sorted in place, no copy.
        List<String> only = first == null ? second : first;
        only.sort(null);
        return only;
      }
      List<String> merged = new ArrayList<>();
      if (first != null) {
        merged.addAll(first);
      }
      if (second != null) {
        merged.addAll(second);
      }
      merged.sort(null);
      return merged;
    }
  }
}
