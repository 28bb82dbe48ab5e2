package io.agentruntime.governance.engine;

import static io.agentruntime.governance.engine.Policies.enforced;
import static io.agentruntime.governance.engine.Policies.request;
import static io.agentruntime.governance.engine.Policies.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.governance.EnforcementMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EvaluatorChoiceTest {
  private static final String PAID =
      "permit(principal, action == Action::\"call_reasoning\", resource)"
          + " when { context.tier == \"paid\" };";

  private final AtomicInteger fallbacks = new AtomicInteger();
  private final AtomicInteger disagreements = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final EvaluatorListener counting =
      new EvaluatorListener() {
        @Override
        public void policySetFallback() {
          fallbacks.incrementAndGet();
        }

        @Override
        public void disagreement() {
          disagreements.incrementAndGet();
        }

        @Override
        public void shadowCheckDropped() {
          dropped.incrementAndGet();
        }
      };

  @Test
  void everyEvaluatorGivesTheSameDecisionsAndErrors() throws Exception {
    Map<EvaluatorChoice, List<String>> errors = new java.util.EnumMap<>(EvaluatorChoice.class);
    for (EvaluatorChoice choice : EvaluatorChoice.values()) {
      try (GovernanceEngine engine =
          new GovernanceEngine(EnforcementMode.ENFORCE, choice, counting)) {
        engine.install(set(1, enforced("paid", PAID)));

        Decision paid = engine.decide(request("a", "call_reasoning", Map.of("tier", "paid")));
        Decision missing = engine.decide(request("a", "call_reasoning", Map.of()));

        assertThat(paid.effect()).as(choice.configName()).isEqualTo(Effect.ALLOW);
        assertThat(paid.policies()).containsExactly("paid");
        assertThat(missing.effect()).isEqualTo(Effect.DENY);
        assertThat(missing.policies()).containsExactly("paid");
        assertThat(missing.errors())
            .singleElement()
            .asString()
            .startsWith("policy paid: ")
            .contains("does not have the attribute `tier`");
        errors.put(choice, missing.errors());
      }
    }
    // A missing attribute is the error decision logs show most: its text is Cedar's, word for word.
    assertThat(errors.get(EvaluatorChoice.JVM)).isEqualTo(errors.get(EvaluatorChoice.CEDAR));
  }

  @Test
  void aSetBeyondTheJvmEvaluatorIsDecidedByCedarJavaAndCounted() throws Exception {
    // 70 additions nest deeper than the JVM evaluator compiles.
    String deep =
        "permit(principal, action, resource) when { 0"
            + " + 1".repeat(70)
            + " == 70 && context.tier == \"paid\" };";
    try (GovernanceEngine engine =
        new GovernanceEngine(EnforcementMode.ENFORCE, EvaluatorChoice.JVM, counting)) {
      engine.install(set(1, enforced("deep", deep)));

      assertThat(fallbacks).hasValue(1);
      assertThat(engine.decide(request("a", "x", Map.of("tier", "paid"))).effect())
          .isEqualTo(Effect.ALLOW);
      assertThat(engine.decide(request("a", "x", Map.of("tier", "free"))).effect())
          .isEqualTo(Effect.DENY);
    }
  }

  @Test
  void cedarJavaAloneNeverCountsAFallback() throws Exception {
    String deep = "permit(principal, action, resource) when { 0" + " + 1".repeat(70) + " == 70 };";
    try (GovernanceEngine engine =
        new GovernanceEngine(EnforcementMode.ENFORCE, EvaluatorChoice.CEDAR, counting)) {
      engine.install(set(1, enforced("deep", deep)));
    }
    assertThat(fallbacks).hasValue(0);
  }

  @Test
  void aContextKeyReservedByCedarsJsonIsJudgedByCedarJava() throws Exception {
    Map<String, Object> escape =
        Map.of("tier", "paid", "user", Map.of("__entity", Map.of("type", "User", "id", "a")));
    Decision jvm;
    Decision cedar;
    try (GovernanceEngine engine = new GovernanceEngine(EnforcementMode.ENFORCE)) {
      engine.install(set(1, enforced("paid", PAID)));
      jvm = engine.decide(request("a", "call_reasoning", escape));
    }
    try (GovernanceEngine engine =
        new GovernanceEngine(EnforcementMode.ENFORCE, EvaluatorChoice.CEDAR, counting)) {
      engine.install(set(1, enforced("paid", PAID)));
      cedar = engine.decide(request("a", "call_reasoning", escape));
    }

    assertThat(jvm.effect()).isEqualTo(Effect.DENY);
    assertThat(jvm.errors())
        .isEqualTo(cedar.errors())
        .singleElement()
        .asString()
        .contains("__entity");
  }

  @Test
  void theShadowCheckCountsADecisionCedarJavaWouldNotTake() throws Exception {
    CompiledPolicySet set = new PolicySetCompiler().compile(set(1, enforced("paid", PAID)));
    DecisionRequest paid = request("a", "call_reasoning", Map.of("tier", "paid"));
    Outcome right = new Outcome(Effect.ALLOW, List.of("paid"), List.of(), List.of(), List.of());
    Outcome wrong = new Outcome(Effect.DENY, List.of(), List.of(), List.of(), List.of());
    try (ShadowCheck shadow = new ShadowCheck(new CedarEvaluator(), counting, 16)) {
      shadow.check(set, paid, right);
      assertThat(disagreements).hasValue(0);

      shadow.check(set, paid, wrong);
      assertThat(disagreements).hasValue(1);
    }
  }

  @Test
  void aFullShadowQueueDropsChecksInsteadOfBlocking() throws Exception {
    CompiledPolicySet set = new PolicySetCompiler().compile(set(1, enforced("paid", PAID)));
    DecisionRequest paid = request("a", "call_reasoning", Map.of("tier", "paid"));
    Outcome wrong = new Outcome(Effect.DENY, List.of(), List.of(), List.of(), List.of());
    CountDownLatch release = new CountDownLatch(1);
    EvaluatorListener stalling =
        new EvaluatorListener() {
          @Override
          public void disagreement() {
            disagreements.incrementAndGet();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          @Override
          public void shadowCheckDropped() {
            dropped.incrementAndGet();
          }
        };
    try (ShadowCheck shadow = new ShadowCheck(new CedarEvaluator(), stalling, 1)) {
      shadow.submit(set, paid, wrong);
      await().untilAtomic(disagreements, org.hamcrest.Matchers.equalTo(1));
      shadow.submit(set, paid, wrong);
      shadow.submit(set, paid, wrong);

      assertThat(dropped).hasValue(1);
      release.countDown();
      await().untilAtomic(disagreements, org.hamcrest.Matchers.equalTo(2));
    }
  }
}
