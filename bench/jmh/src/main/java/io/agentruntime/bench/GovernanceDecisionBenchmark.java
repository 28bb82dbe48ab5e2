package io.agentruntime.bench;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.DecisionRequest;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetCompilationException;
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
  private GovernanceEngine engine;
  private DecisionRequest repeated;
  private long counter;

  @Setup
  public void install() throws PolicySetCompilationException {
    engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(new PolicySetSnapshot(1, BenchmarkPolicies.hundred()));
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

  static DecisionRequest request(Map<String, Object> context) {
    return new DecisionRequest(
        "user-42", Set.of("customers", "eu"), "intent_07", "agents/support", context);
  }
}
