package io.agentruntime.governance.engine;

import static io.agentruntime.governance.engine.Policies.enforced;
import static io.agentruntime.governance.engine.Policies.engineWith;
import static io.agentruntime.governance.engine.Policies.request;
import static io.agentruntime.governance.engine.Policies.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentruntime.governance.EnforcementMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PolicySetInstallTest {

  @Test
  void aPolicyScopedToOneActionNeverInfluencesAnother() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced("everyone", "permit(principal, action, resource);"),
            enforced(
                "no-reasoning",
                "forbid(principal, action == Action::\"call_reasoning\", resource);"),
            enforced(
                "no-tools",
                "forbid(principal, action in [Action::\"lookup_order\", Action::\"refund\"], resource)"
                    + " when { context.tier > 1 };"));

    Decision reasoning = engine.decide(request("a", "call_reasoning", Map.of("tier", "free")));
    Decision summary = engine.decide(request("a", "summarize", Map.of("tier", "free")));
    Decision lookup = engine.decide(request("a", "lookup_order", Map.of("tier", "free")));

    assertThat(reasoning.policies()).containsExactly("no-reasoning");
    assertThat(summary.effect()).isEqualTo(Effect.ALLOW);
    assertThat(summary.errors()).as("no-tools is not evaluated for summarize").isEmpty();
    assertThat(lookup.effect()).isEqualTo(Effect.DENY);
    assertThat(lookup.errors()).singleElement().asString().contains("no-tools");
  }

  @Test
  void anUnconstrainedPolicyAppliesToEveryAction() throws Exception {
    GovernanceEngine engine =
        engineWith(
            enforced(
                "reasoning", "permit(principal, action == Action::\"call_reasoning\", resource);"),
            enforced("lookups", "permit(principal, action == Action::\"lookup_order\", resource);"),
            enforced("no-banned", "forbid(principal in Group::\"banned\", action, resource);"));

    for (String action : List.of("call_reasoning", "lookup_order", "never_named")) {
      Decision decision =
          engine.decide(
              new DecisionRequest(
                  "eve", java.util.Set.of("banned"), action, Policies.RESOURCE, Map.of()));
      assertThat(decision.policies()).as(action).containsExactly("no-banned");
    }
  }

  @Test
  void installingANewSetChangesTheNextDecisionForTheSameRequest() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("everyone", "permit(principal, action, resource);"));
    DecisionRequest request = request("alice", "x", Map.of("tier", "paid"));
    assertThat(engine.decide(request).effect()).isEqualTo(Effect.ALLOW);
    assertThat(engine.decide(request).effect()).isEqualTo(Effect.ALLOW);

    engine.install(set(2, enforced("nobody", "forbid(principal, action, resource);")));

    Decision after = engine.decide(request);
    assertThat(after.effect()).isEqualTo(Effect.DENY);
    assertThat(after.policies()).containsExactly("nobody");
    assertThat(after.policySetVersion()).isEqualTo(2);
    assertThat(engine.policyCount()).isEqualTo(1);
  }

  @Test
  void aSyntaxErrorNamesPolicySourceAndPositionAndKeepsTheInstalledSet() throws Exception {
    GovernanceEngine engine =
        engineWith(enforced("everyone", "permit(principal, action, resource);"));

    assertThatThrownBy(
            () ->
                engine.install(
                    set(
                        2,
                        enforced("fine", "permit(principal, action, resource);"),
                        enforced(
                            "broken",
                            "permit(principal, action, resource)\nwhen {\n  context.x ==\n};"))))
        .isInstanceOf(PolicySetCompilationException.class)
        .hasMessageContaining("'broken'")
        .hasMessageContaining("test:broken")
        .hasMessageContaining("line 4, column 1")
        .hasMessageContaining("unexpected token");

    assertThat(engine.policySetVersion()).isEqualTo(1);
    assertThat(engine.decide(request("a", "x", Map.of())).effect()).isEqualTo(Effect.ALLOW);
  }

  @Test
  void aDocumentHoldingTwoPoliciesIsRejected() {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);

    assertThatThrownBy(
            () ->
                engine.install(
                    set(
                        1,
                        enforced(
                            "two",
                            "permit(principal, action, resource); forbid(principal, action, resource);"))))
        .isInstanceOf(PolicySetCompilationException.class)
        .hasMessageContaining("'two'");
  }

  @Test
  void duplicatePolicyIdsAreRejectedNamingBothSources() {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);

    assertThatThrownBy(
            () ->
                engine.install(
                    set(
                        1,
                        enforced("same", "permit(principal, action, resource);"),
                        new io.agentruntime.governance.PolicyDocument(
                            "same",
                            "forbid(principal, action, resource);",
                            EnforcementMode.ENFORCE,
                            "elsewhere"))))
        .isInstanceOf(PolicySetCompilationException.class)
        .hasMessageContaining("'same'")
        .hasMessageContaining("test:same")
        .hasMessageContaining("elsewhere");
    assertThat(engine.hasPolicySet()).isFalse();
  }

  @Test
  void concurrentDecisionsDuringInstallsAlwaysSeeOneWholeSet() throws Exception {
    GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(generation(0));
    AtomicBoolean installing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<?> installer =
          pool.submit(
              () -> {
                for (int version = 1; version <= 60; version++) {
                  engine.install(generation(version));
                }
                installing.set(false);
                return null;
              });
      List<Future<List<String>>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        int reader = r;
        readers.add(pool.submit(() -> inconsistentDecisions(engine, installing, reader)));
      }
      installer.get(2, TimeUnit.MINUTES);
      for (Future<List<String>> reader : readers) {
        assertThat(reader.get(2, TimeUnit.MINUTES)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Version n permits through policy "gen-n" and forbids through "gen-n-forbid" for action b. */
  private static io.agentruntime.governance.PolicySetSnapshot generation(long version) {
    return set(
        version,
        enforced("gen-" + version, "permit(principal, action == Action::\"a\", resource);"),
        enforced(
            "gen-" + version + "-forbid", "forbid(principal, action == Action::\"b\", resource);"),
        enforced("gen-" + version + "-b", "permit(principal, action == Action::\"b\", resource);"));
  }

  private static List<String> inconsistentDecisions(
      GovernanceEngine engine, AtomicBoolean installing, int reader) {
    List<String> problems = new ArrayList<>();
    int i = 0;
    while (installing.get() || i < 10) {
      String action = i % 2 == 0 ? "a" : "b";
      Decision decision = engine.decide(request("u" + reader, action, Map.of("n", i++)));
      long version = decision.policySetVersion();
      String expected = action.equals("a") ? "gen-" + version : "gen-" + version + "-forbid";
      if (!decision.policies().equals(List.of(expected))) {
        problems.add("version " + version + " " + action + " decided by " + decision.policies());
      }
    }
    return problems;
  }
}
