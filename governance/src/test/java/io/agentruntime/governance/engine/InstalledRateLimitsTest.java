package io.agentruntime.governance.engine;

import static io.agentruntime.governance.engine.Policies.enforced;
import static io.agentruntime.governance.engine.Policies.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicyLimits;
import io.agentruntime.governance.RateLimit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rate limits of the installed set, which the runtime looks up by the deciding policy ids. */
class InstalledRateLimitsTest {

  private static final RateLimit LIMIT = RateLimit.parse("600/1m");

  @Test
  void listsTheLimitedPoliciesOfTheInstalledSetAndChangesWithIt() throws Exception {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    assertThat(engine.rateLimits()).isEmpty();

    engine.install(
        set(
            1,
            limited("paid", "permit(principal, action, resource);"),
            enforced("open", "permit(principal, action, resource);")));
    assertThat(engine.rateLimits()).containsExactlyEntriesOf(Map.of("paid", LIMIT));

    engine.install(set(2, enforced("paid", "permit(principal, action, resource);")));
    assertThat(engine.rateLimits()).isEmpty();
  }

  private static PolicyDocument limited(String id, String cedar) {
    return new PolicyDocument(
        id, cedar, EnforcementMode.ENFORCE, PolicyLimits.of(LIMIT), "test:" + id);
  }
}
