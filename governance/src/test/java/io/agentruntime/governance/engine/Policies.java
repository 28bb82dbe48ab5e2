package io.agentruntime.governance.engine;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for policy sets and requests used across the engine tests. */
final class Policies {
  static final String RESOURCE = "agents/support";

  private Policies() {}

  static PolicyDocument enforced(String id, String cedar) {
    return new PolicyDocument(id, cedar, EnforcementMode.ENFORCE, "test:" + id);
  }

  static PolicyDocument audited(String id, String cedar) {
    return new PolicyDocument(id, cedar, EnforcementMode.AUDIT, "test:" + id);
  }

  static PolicySetSnapshot set(long version, PolicyDocument... policies) {
    return new PolicySetSnapshot(version, List.of(policies));
  }

  static DecisionRequest request(String principal, String action, Map<String, Object> context) {
    return new DecisionRequest(principal, Set.of(), action, RESOURCE, context);
  }

  static GovernanceEngine engineWith(PolicyDocument... policies)
      throws PolicySetCompilationException {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(set(1, policies));
    return engine;
  }
}
