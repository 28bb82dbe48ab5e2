package io.agentruntime.bench;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.DecisionRequest;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetCompilationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One governance decision against a cached set of 100 policies (DESIGN.md §8: p99 under 100 µs).
 *
 * <p>{@code memoHit} repeats one request, as a busy caller with a stable context does; {@code
 * memoMiss} sends a distinct context every call, so each decision reaches Cedar.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m"})
public class GovernanceDecisionBenchmark {
  private static final int ACTIONS = 20;
  private static final int SCOPED_POLICIES = 95;

  private GovernanceEngine engine;
  private DecisionRequest repeated;
  private long counter;

  @Setup
  public void install() throws PolicySetCompilationException {
    engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(new PolicySetSnapshot(1, policies()));
    repeated = request(Map.of("tier", "paid", "tokens", 120, "region", "us-east-1"));
    Decision check = engine.decide(repeated);
    if (!check.permitted() || !check.errors().isEmpty()) {
      throw new IllegalStateException("benchmark request must be allowed cleanly: " + check);
    }
  }

  @Benchmark
  public Decision memoHit() {
    return engine.decide(repeated);
  }

  @Benchmark
  public Decision memoMiss() {
    return engine.decide(
        request(
            Map.of("tier", "paid", "tokens", 120, "region", "us-east-1", "requestId", counter++)));
  }

  private static DecisionRequest request(Map<String, Object> context) {
    return new DecisionRequest(
        "user-42", Set.of("customers", "eu"), "intent_07", "agents/support", context);
  }

  /** 95 policies spread over 20 intents plus 5 that apply to every intent. */
  private static List<PolicyDocument> policies() {
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
