package io.agentruntime.bench;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetCompilationException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decision latency while the policy set is being reloaded, against the same decisions with no
 * reload (DESIGN.md §8 asks for no pause visible at p99).
 *
 * <p>A background thread installs a new version of the 100-policy set every {@code reloadEveryMs}
 * milliseconds, as the runtime's refresher does after the store's head moved: the new set is
 * compiled on that thread and swapped in atomically while decisions go on with the old one. 100 ms
 * is about a hundred times more often than a busy fleet changes its policies, so the comparison is
 * a worst case. {@code reloadEveryMs = 0} is the baseline: no reload at all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgs = {"--enable-native-access=ALL-UNNAMED", "-Xms512m", "-Xmx512m"})
public class DecisionDuringReloadBenchmark {

  @Param({"0", "1000", "100"})
  public long reloadEveryMs;

  private final AtomicLong counter = new AtomicLong();
  private final AtomicLong reloads = new AtomicLong();
  private GovernanceEngine engine;
  private Thread reloader;

  @Setup(Level.Trial)
  public void start() throws PolicySetCompilationException {
    engine = new GovernanceEngine(EnforcementMode.ENFORCE);
    engine.install(new PolicySetSnapshot(1, BenchmarkPolicies.hundred()));
    if (reloadEveryMs > 0) {
      reloader = Thread.ofPlatform().daemon().name("reloader").start(this::reloadUntilInterrupted);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws InterruptedException {
    if (reloader != null) {
      reloader.interrupt();
      reloader.join();
      System.out.printf("%n%d policy-set reloads during the trial%n", reloads.get());
    }
  }

  /** A context never seen before: the decision reaches Cedar, as after every swap. */
  @Benchmark
  public Decision decide() {
    return engine.decide(
        GovernanceDecisionBenchmark.request(
            Map.of("tier", "paid", "tokens", 120, "requestId", counter.incrementAndGet())));
  }

  private void reloadUntilInterrupted() {
    long version = 1;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(reloadEveryMs);
        engine.install(new PolicySetSnapshot(++version, BenchmarkPolicies.hundred()));
        reloads.incrementAndGet();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (PolicySetCompilationException e) {
      throw new IllegalStateException("the benchmark's policy set must compile", e);
    }
  }
}
