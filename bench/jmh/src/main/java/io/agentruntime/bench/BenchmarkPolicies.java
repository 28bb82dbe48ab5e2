package io.agentruntime.bench;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/** The policy set the benchmarks decide with. */
final class BenchmarkPolicies {
  private static final int ACTIONS = 20;
  private static final int SCOPED_POLICIES = 95;

  private BenchmarkPolicies() {}

  /** 95 policies spread over 20 intents plus 5 that apply to every intent. */
  static List<PolicyDocument> hundred() {
    List<PolicyDocument> policies = new ArrayList<>();
    for (int i = 0; i < SCOPED_POLICIES; i++) {
      String action = "Action::\"intent_%02d\"".formatted(i % ACTIONS);
      String cedar =
          switch ((i / ACTIONS) % 4) {
            case 0 ->
                "permit(principal in Group::\"customers\", action == %s, resource)"
                        .formatted(action)
                    + " when { context has tier && context.tier == \"paid\" };";
            case 1 ->
                "forbid(principal, action == %s, resource)".formatted(action)
                    + " when { context has tokens && context.tokens > %d };".formatted(10_000 + i);
            case 2 ->
                "permit(principal in Group::\"admins\", action in [%s, Action::\"admin_%d\"], resource);"
                    .formatted(action, i);
            default ->
                "forbid(principal == User::\"blocked-%d\", action == %s, resource);"
                    .formatted(i, action);
          };
      policies.add(enforced("p-" + i, cedar));
    }
    policies.add(enforced("banned", "forbid(principal in Group::\"banned\", action, resource);"));
    policies.add(
        enforced(
            "region-lock",
            "forbid(principal, action, resource) when { context has region && context.region == \"cn-north-1\" };"));
    policies.add(enforced("admins", "permit(principal in Group::\"admins\", action, resource);"));
    policies.add(
        enforced(
            "runtime-scope",
            "forbid(principal, action, resource == Runtime::\"agents/retired\");"));
    policies.add(
        enforced(
            "huge-requests",
            "forbid(principal, action, resource) when { context has tokens && context.tokens > 1000000 };"));
    return policies;
  }

  private static PolicyDocument enforced(String id, String cedar) {
    return new PolicyDocument(id, cedar, EnforcementMode.ENFORCE, "benchmark");
  }
}
