package io.agentruntime.governance.engine;

import static io.agentruntime.governance.engine.Policies.audited;
import static io.agentruntime.governance.engine.Policies.enforced;
import static io.agentruntime.governance.engine.Policies.engineWith;
import static io.agentruntime.governance.engine.Policies.request;
import static io.agentruntime.governance.engine.Policies.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.EnforcementMode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GovernanceEngineTest {
  private static final String PAID_REASONING =
      "permit(principal, action == Action::\"call_reasoning\", resource)"
          + " when { context has tier && context.tier == \"paid\" };";

  @Test
  void permitAllowsAndNamesThePermittingPolicy() throws Exception {
    GovernanceEngine engine = engineWith(enforced("paid", PAID_REASONING));

    Decision decision = engine.decide(request("alice", "call_reasoning", Map.of("tier", "paid")));

    assertThat(decision.effect()).isEqualTo(Effect.ALLOW);
    assertThat(decision.permitted()).isTrue();
    assertThat(decision.policies()).containsExactly("paid");
    assertThat(decision.errors()).isEmpty();
    assertThat(decision.policySetVersion()).isEqualTo(1);
  }

  @Test
  void withoutAMatchingPermitTheDefaultIsDenyNamingNoPolicy() throws Exception {
    GovernanceEngine engine = engineWith(enforced("paid", PAID_REASONING));

    Decision decision = engine.decide(request("alice", "call_reasoning", Map.of("tier", "free")));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.permitted()).isFalse();
    assertThat(decision.policies()).isEmpty();
    assertThat(decision.errors()).isEmpty();
  }

  @Test
  void forbidOverridesPermitAndTheDenialNamesTheForbiddingPolicy() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced("everyone", "permit(principal, action, resource);"),
            enforced("no-mallory", "forbid(principal == User::\"mallory\", action, resource);"));

    Decision mallory = engine.decide(request("mallory", "call_reasoning", Map.of()));
    Decision alice = engine.decide(request("alice", "call_reasoning", Map.of()));

    assertThat(mallory.effect()).isEqualTo(Effect.DENY);
    assertThat(mallory.policies()).containsExactly("no-mallory");
    assertThat(alice.effect()).isEqualTo(Effect.ALLOW);
    assertThat(alice.policies()).containsExactly("everyone");
  }

  @Test
  void unlessConditionsSeeNestedContextNumbersAndDecimals() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced(
                "small-budgets",
                "permit(principal, action, resource) unless {"
                    + " context.budget.tokens > 1000 || context.budget.cost.greaterThan(decimal(\"2.5\")) };"));

    Map<String, Object> small = Map.of("budget", Map.of("tokens", 10, "cost", 1.25));
    Map<String, Object> costly = Map.of("budget", Map.of("tokens", 10L, "cost", 3.5));
    Map<String, Object> large = Map.of("budget", Map.of("tokens", 5000.0, "cost", 0.5));

    assertThat(engine.decide(request("a", "x", small)).effect()).isEqualTo(Effect.ALLOW);
    assertThat(engine.decide(request("a", "x", costly)).effect()).isEqualTo(Effect.DENY);
    assertThat(engine.decide(request("a", "x", large)).effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void listsBecomeSetsAndNullsAreLeftOut() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced(
                "reviewers",
                "permit(principal, action, resource) when {"
                    + " context.roles.contains(\"reviewer\") && !(context has ticket) };"));
    Map<String, Object> context = new java.util.HashMap<>();
    context.put("roles", java.util.List.of("author", "reviewer"));
    context.put("ticket", null);

    assertThat(engine.decide(request("a", "x", context)).effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void groupMembershipMakesThePrincipalMemberOfItsGroups() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("admins", "permit(principal in Group::\"admins\", action, resource);"));

    Decision admin =
        engine.decide(
            new DecisionRequest(
                "bob", Set.of("staff", "admins"), "deploy", Policies.RESOURCE, Map.of()));
    Decision staff =
        engine.decide(
            new DecisionRequest("carol", Set.of("staff"), "deploy", Policies.RESOURCE, Map.of()));

    assertThat(admin.effect()).isEqualTo(Effect.ALLOW);
    assertThat(staff.effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void resourceIsTheRuntimeEntity() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced(
                "support-only",
                "permit(principal, action, resource == Runtime::\"agents/support\");"));

    assertThat(engine.decide(request("a", "x", Map.of())).effect()).isEqualTo(Effect.ALLOW);
    assertThat(
            engine
                .decide(new DecisionRequest("a", Set.of(), "x", "agents/billing", Map.of()))
                .effect())
        .isEqualTo(Effect.DENY);
  }

  @Test
  void engineInAuditModeReportsDenialsButPermitsThem() throws Exception {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.AUDIT);
    engine.install(set(3, enforced("paid", PAID_REASONING)));

    Decision decision = engine.decide(request("alice", "call_reasoning", Map.of("tier", "free")));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.mode()).isEqualTo(EnforcementMode.AUDIT);
    assertThat(decision.permitted()).isTrue();
    assertThat(engine.mode()).isEqualTo(EnforcementMode.AUDIT);
  }

  @Test
  void auditModeForbidLetsTheRequestThroughAndIsReported() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced("everyone", "permit(principal, action, resource);"),
            audited(
                "no-night-calls", "forbid(principal, action, resource) when { context.night };"));

    Decision night = engine.decide(request("alice", "call_reasoning", Map.of("night", true)));
    Decision day = engine.decide(request("alice", "call_reasoning", Map.of("night", false)));

    assertThat(night.effect()).isEqualTo(Effect.ALLOW);
    assertThat(night.mode()).isEqualTo(EnforcementMode.ENFORCE);
    assertThat(night.policies()).containsExactly("everyone");
    assertThat(night.auditDenials()).containsExactly("no-night-calls");
    assertThat(day.auditDenials()).isEmpty();
  }

  @Test
  void anEvaluationErrorDeniesAndListsTheError() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced("everyone", "permit(principal, action, resource);"),
            enforced(
                "big-spenders", "forbid(principal, action, resource) when { context.tier > 1 };"));

    Decision decision = engine.decide(request("alice", "x", Map.of("tier", "paid")));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.policies()).containsExactly("big-spenders");
    assertThat(decision.errors()).singleElement().asString().contains("big-spenders", "long");
  }

  @Test
  void aContextNestedTooDeeplyDeniesWithAClearError() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("everyone", "permit(principal, action, resource);"));
    Map<String, Object> deep = Map.of("leaf", true);
    for (int i = 0; i < 10_000; i++) {
      deep = Map.of("next", deep);
    }

    Decision decision = engine.decide(request("alice", "x", deep));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.errors()).singleElement().asString().contains("nested deeper than 32");
  }

  @Test
  void aNumberCedarCannotRepresentDeniesNamingItsPath() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("everyone", "permit(principal, action, resource);"));

    Decision decision =
        engine.decide(request("alice", "x", Map.of("score", Map.of("p", 0.123456))));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.errors()).singleElement().asString().contains("context.score.p", "decimal");
  }

  @Test
  void aRequestWithoutPrincipalIsDeniedNotThrown() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("everyone", "permit(principal, action, resource);"));

    Decision decision = engine.decide(request(null, "x", null));

    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.errors()).singleElement().asString().contains("principal");
  }

  @Test
  void beforeAnyInstallEverythingIsDenied() {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);

    Decision decision = engine.decide(request("alice", "x", Map.of()));

    assertThat(engine.hasPolicySet()).isFalse();
    assertThat(engine.policySetVersion()).isEqualTo(-1);
    assertThat(decision.effect()).isEqualTo(Effect.DENY);
    assertThat(decision.policySetVersion()).isEqualTo(-1);
  }
}
