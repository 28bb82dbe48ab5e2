package io.agentruntime.governance;

import java.util.List;

/**
 * Every policy of one policy set at one version, as loaded from a store.
 *
 * @param version monotonic version of the set; a store bumps it on every change
 * @param policies the policies, in a stable order
 */
public record PolicySetSnapshot(long version, List<PolicyDocument> policies) {
  public PolicySetSnapshot {
    policies = List.copyOf(policies);
  }
}
