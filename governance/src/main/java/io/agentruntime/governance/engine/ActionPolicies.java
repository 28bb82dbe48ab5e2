package io.agentruntime.governance.engine;

import com.cedarpolicy.model.policy.PolicySet;
import java.util.Optional;
import java.util.Set;

/**
 * The prepared Cedar policy sets one action is decided with.
 *
 * @param enforced the enforced policies that can apply to the action (decides the effect)
 * @param withAudit enforced plus Audit-mode policies, present only when Audit-mode policies apply
 * @param auditIds ids of the Audit-mode policies in {@code withAudit}
 */
record ActionPolicies(PolicySet enforced, Optional<PolicySet> withAudit, Set<String> auditIds) {
  ActionPolicies {
    auditIds = Set.copyOf(auditIds);
  }
}
