package io.agentruntime.operator.render;

import io.agentruntime.governance.Durations;
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

  /** The mode of a policy whose spec names none. */
  public static final GovernanceMode DEFAULT_MODE = GovernanceMode.ENFORCE;

  /** Who shares a rate limit's bucket when the spec does not say. */
  public static final RateLimitKey DEFAULT_RATE_LIMIT_KEY = RateLimitKey.DEFAULT;

  private PolicyDocumentRenderer() {}

  /**
   * The policy item of a validated {@code policy}.
   *
   * @throws IllegalArgumentException when a limit is out of range (validation reports it)
   */
  public static PolicyDocument render(GovernancePolicy policy) {
    var spec = policy.getSpec();
    var mode = Optional.ofNullable(spec.getMode()).orElse(DEFAULT_MODE).enforcementMode();
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
