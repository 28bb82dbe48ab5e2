package io.agentruntime.cli.policies;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyChangesTest {

  private static final String PERMIT = "permit (principal, action, resource);";

  @Test
  void theSamePolicyFromAnotherSourceIsNoChange() {
    PolicyDocument file = policy("a", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "a.cedar");
    PolicyDocument stored = policy("a", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "table");

    assertThat(PolicyChanges.between(List.of(file), List.of(stored), true)).isEmpty();
  }

  @Test
  void aModeOrRateLimitAloneIsAChange() {
    PolicyDocument stored = policy("a", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "table");
    PolicyDocument audit = policy("a", PERMIT, EnforcementMode.AUDIT, Optional.empty(), "a.cedar");
    PolicyDocument limited =
        policy(
            "a", PERMIT, EnforcementMode.ENFORCE, Optional.of(RateLimit.parse("5/1s")), "a.cedar");

    assertThat(PolicyChanges.between(List.of(audit), List.of(stored), false))
        .containsExactly(new PolicyChange.Changed(stored, audit));
    assertThat(PolicyChanges.between(List.of(limited), List.of(stored), false))
        .containsExactly(new PolicyChange.Changed(stored, limited));
  }

  @Test
  void tablePoliciesMissingFromTheFilesAreRemovedOnlyWithPrune() {
    PolicyDocument kept = policy("a", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "x");
    PolicyDocument gone = policy("b", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "x");
    PolicyDocument added = policy("c", PERMIT, EnforcementMode.ENFORCE, Optional.empty(), "x");

    assertThat(PolicyChanges.between(List.of(kept, added), List.of(kept, gone), false))
        .extracting(PolicyChange::summary)
        .containsExactly("+ c");
    assertThat(PolicyChanges.between(List.of(kept, added), List.of(kept, gone), true))
        .extracting(PolicyChange::summary)
        .containsExactly("+ c", "- b (not in files)");
  }

  private static PolicyDocument policy(
      String id, String cedar, EnforcementMode mode, Optional<RateLimit> rateLimit, String source) {
    return new PolicyDocument(
        id, cedar, mode, rateLimit.map(PolicyLimits::of).orElse(PolicyLimits.NONE), source);
  }
}
