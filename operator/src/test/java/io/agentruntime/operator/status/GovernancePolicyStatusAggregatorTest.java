package io.agentruntime.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GovernancePolicyStatusAggregatorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
  private static final PolicySetLocation SET =
      new PolicySetLocation("governance-policies", "us-east-1", "agents/support");

  @Test
  void aSyncedPolicyRecordsWhereAndWhichVersion() {
    var status = at(T0).synced(policy(1L), SET, 18);

    assertThat(status.getPolicySetVersion()).isEqualTo(18);
    assertThat(status.getSyncedTo()).isEqualTo(SET);
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(condition(status, "Synced").getMessage())
        .isEqualTo("policy set agents/support version 18");
    assertThat(condition(status, "Valid").getStatus()).isEqualTo("True");
  }

  @Test
  void aResyncAtTheSameVersionNeedsNoWrite() {
    var policy = policy(1L);
    policy.setStatus(at(T0).synced(policy, SET, 18));

    assertThat(GovernancePolicyStatusAggregator.changed(policy, at(T1).synced(policy, SET, 18)))
        .isFalse();
    assertThat(GovernancePolicyStatusAggregator.changed(policy, at(T1).synced(policy, SET, 19)))
        .isTrue();
  }

  @Test
  void anInvalidSpecKeepsWhereThePolicyWasWritten() {
    var policy = policy(1L);
    policy.setStatus(at(T0).synced(policy, SET, 18));
    policy.getMetadata().setGeneration(2L);

    var invalid = at(T1).invalid(policy, "spec.cedar: line 2, column 5: unexpected token");

    assertThat(invalid.getSyncedTo()).as("the finalizer still removes it").isEqualTo(SET);
    assertThat(invalid.getPolicySetVersion()).isEqualTo(18);
    assertThat(invalid.getObservedGeneration()).isEqualTo(2L);
    var valid = condition(invalid, "Valid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getLastTransitionTime()).isEqualTo("2026-01-01T10:05:00Z");
    assertThat(condition(invalid, "Synced").getReason()).isEqualTo("InvalidSpec");
  }

  private static GovernancePolicyStatusAggregator at(Instant instant) {
    return new GovernancePolicyStatusAggregator(Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static GovernancePolicy policy(long generation) {
    var policy = new GovernancePolicy();
    policy.setMetadata(
        new ObjectMetaBuilder()
            .withName("paid-tenants-may-reason")
            .withNamespace("agents")
            .withGeneration(generation)
            .build());
    return policy;
  }

  private static Condition condition(GovernancePolicyStatus status, String type) {
    return status.getConditions().stream()
        .filter(condition -> type.equals(condition.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + status));
  }
}
