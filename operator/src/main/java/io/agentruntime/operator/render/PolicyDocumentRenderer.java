package io.agentruntime.operator.render;

import io.agentruntime.governance.Durations;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import io.agentruntime.operator.api.v1alpha1.GovernanceMode;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.PolicyCostBudgetSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyRateLimitSpec;
import io.agentruntime.operator.api.v1alpha1.PolicyTokenBudgetSpec;
import io.agentruntime.operator.api.v1alpha1.RateLimitKey;
import java.util.Optional;

/**
 * A GovernancePolicy as its runtime's policy store holds it: the policy id is the resource's name
 * (unique in the namespace, and a set belongs to one namespace), defaults applied.
 */
public final class PolicyDocumentRenderer {

  private PolicyDocumentRenderer() {}

  /**
   * The policy item of a validated {@code policy}.
   *
   * @throws IllegalArgumentException when a limit is out of range (validation reports it)
   */
  public static PolicyDocument render(GovernancePolicy policy) {
    var spec = policy.getSpec();
    var mode =
        spec.getMode() == GovernanceMode.AUDIT ? EnforcementMode.AUDIT : EnforcementMode.ENFORCE;
    var metadata = policy.getMetadata();
    return new PolicyDocument(
        metadata.getName(),
        spec.getCedar(),
        mode,
        new PolicyLimits(
            Optional.ofNullable(spec.getRateLimit()).map(PolicyDocumentRenderer::rateLimit),
            Optional.ofNullable(spec.getTokenBudget()).map(PolicyTokenBudgetSpec::toBudget),
            Optional.ofNullable(spec.getCostBudget()).map(PolicyCostBudgetSpec::toBudget)),
        "GovernancePolicy " + metadata.getNamespace() + "/" + metadata.getName());
  }

  private static RateLimit rateLimit(PolicyRateLimitSpec spec) {
    var per =
        Durations.parse(spec.getPer())
            .orElseThrow(() -> new IllegalArgumentException("rateLimit.per: " + spec.getPer()));
    return new RateLimit(spec.getRequests(), per, RateLimitKey.toGovernance(spec.getKey()));
  }
}
