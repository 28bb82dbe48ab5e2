package io.agentruntime.operator.status;

import static io.agentruntime.operator.status.GovernancePolicyConditions.SYNCED;
import static io.agentruntime.operator.status.GovernancePolicyConditions.VALID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds a GovernancePolicy's status, the single place that decides its conditions.
 *
 * <p>{@code syncedTo} and {@code policySetVersion} describe the last successful write and are kept
 * through every failure: the finalizer removes the policy from {@code syncedTo} even when the spec
 * turned invalid or the AgentRuntime is gone.
 */
public final class GovernancePolicyStatusAggregator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  /** Creates an aggregator stamping transitions with {@code clock}'s time. */
  public GovernancePolicyStatusAggregator(Clock clock) {
    this.clock = clock;
  }

  /**
   * The status of a spec that failed validation; nothing was written.
   *
   * @param message what is wrong, naming the field(s) at fault
   */
  public GovernancePolicyStatus invalid(GovernancePolicy policy, String message) {
    var conditions = conditions(policy);
    return status(
        policy,
        conditions.of(VALID, false, GovernancePolicyConditions.REASON_INVALID_SPEC, message),
        conditions.of(
            SYNCED, false, GovernancePolicyConditions.REASON_INVALID_SPEC, "the spec is invalid"));
  }

  /**
   * The status of a valid spec that is not (or no longer) in its runtime's policy set.
   *
   * @param reason one of the {@code Synced=False} reasons of {@link GovernancePolicyConditions}
   * @param message why, naming what to fix
   */
  public GovernancePolicyStatus notSynced(GovernancePolicy policy, String reason, String message) {
    var conditions = conditions(policy);
    return status(policy, valid(conditions), conditions.of(SYNCED, false, reason, message));
  }

  /**
   * The status of a policy written to (or found unchanged in) its runtime's policy set.
   *
   * @param location where it now is
   * @param version the set's head version after the write
   */
  public GovernancePolicyStatus synced(
      GovernancePolicy policy, PolicySetLocation location, long version) {
    var conditions = conditions(policy);
    var status =
        status(
            policy,
            valid(conditions),
            conditions.of(
                SYNCED,
                true,
                GovernancePolicyConditions.REASON_POLICY_SYNCED,
                "policy set " + location.getPolicySet() + " version " + version));
    status.setSyncedTo(location);
    status.setPolicySetVersion(version);
    return status;
  }

  /**
   * Whether {@code desired} differs from the status {@code policy} carries (so it must be written).
   */
  public static boolean changed(GovernancePolicy policy, GovernancePolicyStatus desired) {
    return policy.getStatus() == null
        || !JSON.valueToTree(policy.getStatus()).equals(JSON.valueToTree(desired));
  }

  private static Condition valid(ConditionSet conditions) {
    return conditions.of(
        VALID, true, GovernancePolicyConditions.REASON_SPEC_VALID, "the spec is valid");
  }

  private static GovernancePolicyStatus status(
      GovernancePolicy policy, Condition valid, Condition synced) {
    var previous = Optional.ofNullable(policy.getStatus()).orElseGet(GovernancePolicyStatus::new);
    var status = new GovernancePolicyStatus();
    status.setObservedGeneration(policy.getMetadata().getGeneration());
    status.setPolicySetVersion(previous.getPolicySetVersion());
    status.setSyncedTo(previous.getSyncedTo());
    status.setConditions(List.of(valid, synced));
    return status;
  }

  private ConditionSet conditions(GovernancePolicy policy) {
    return new ConditionSet(
        clock,
        policy.getMetadata().getGeneration(),
        Optional.ofNullable(policy.getStatus())
            .map(GovernancePolicyStatus::getConditions)
            .orElse(null));
  }
}
