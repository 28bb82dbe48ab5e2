package io.agentruntime.governance.engine;

import com.cedarpolicy.model.policy.PolicySet;
import java.util.Optional;
import java.util.Set;

/**
 * The prepared policies one action is decided with, for each evaluator.
 *
 * @param enforced the enforced policies that can apply to the action (decides the effect)
 * @param withAudit enforced plus Audit-mode policies, present only when Audit-mode policies apply
 * @param auditIds ids of the Audit-mode policies in {@code withAudit}
 * @param jvm the same policies compiled for the JVM evaluator; empty when the set falls back to
 *     cedar-java
 */
record ActionPolicies(
    PolicySet enforced,
    Optional<PolicySet> withAudit,
    Set<String> auditIds,
    Optional<JvmActionPolicies> jvm) {
  ActionPolicies {
    auditIds = Set.copyOf(auditIds);
  }
}
