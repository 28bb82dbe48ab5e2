package io.agentruntime.governance.store.dynamodb;

import static io.agentruntime.governance.testing.LocalPolicyTable.freshSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.DecisionRequest;
import io.agentruntime.governance.engine.Effect;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetSynchronizer;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.testing.LocalPolicyTable;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine decides with what was pushed to DynamoDB after one refresh of its synchronizer. */
class DynamoDbGovernanceTest {
  private static LocalPolicyTable local;

  @BeforeAll
  static void startDynalite() throws PolicyStoreException {
    local = LocalPolicyTable.start("eu-west-1");
  }

  @AfterAll
  static void stopDynalite() {
    if (local != null) {
      local.close();
    }
  }

  @Test
  void aPushedPolicyDecidesAfterOneRefreshAndADeletedOneNoLonger() throws Exception {
    PolicySetKey set = freshSet();
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    DecisionRequest paidReasoning =
        new DecisionRequest(
            "alice", Set.of(), "call_reasoning", set.toString(), Map.of("tier", "paid"));
    try (DynamoDbPolicyStore store = local.store(set, StoreRequestListener.NONE);
        LocalPolicyTable.Writer writer = local.writer(set)) {
      PolicySetSynchronizer synchronizer =
          new PolicySetSynchronizer(store, engine, Clock.systemUTC());
      assertThat(synchronizer.refresh()).isTrue();
      assertThat(engine.decide(paidReasoning).effect()).isEqualTo(Effect.DENY);

      long version =
          writer
              .writer()
              .put(
                  new PolicyDocument(
                      "paid-tenants-may-reason",
                      "permit(principal, action == Action::\"call_reasoning\", resource)\n"
                          + "when { context.tier == \"paid\" };",
                      EnforcementMode.ENFORCE,
                      "test"));

      assertThat(synchronizer.refresh()).isTrue();
      Decision allowed = engine.decide(paidReasoning);
      assertThat(allowed.effect()).isEqualTo(Effect.ALLOW);
      assertThat(allowed.policies()).containsExactly("paid-tenants-may-reason");
      assertThat(allowed.policySetVersion()).isEqualTo(version);
      assertThat(synchronizer.refresh()).isFalse();

      writer.writer().delete("paid-tenants-may-reason");

      assertThat(synchronizer.refresh()).isTrue();
      assertThat(engine.decide(paidReasoning).effect()).isEqualTo(Effect.DENY);
      assertThat(synchronizer.lastError()).isEmpty();
    }
  }
}
