package io.agentruntime.governance.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;

/**
 * An installed policy set, immutable once built: per-action prepared policies (for cedar-java and,
 * unless the set falls back, for the JVM evaluator) plus the memo of cedar-java decisions.
 *
 * <p>The memo lives here, not in the engine, so installing a new set discards it with the old set:
 * no decision can outlive the policies that produced it.
 */
final class CompiledPolicySet {
  /** Roughly 128 characters of request content per unit of memo weight. */
  static final int MEMO_WEIGHT_UNIT = 128;

  private static final long MEMO_MAX_WEIGHT = 65_536;

  private final long version;
  private final int policyCount;
  private final Map<String, ActionPolicies> byAction;
  private final ActionPolicies unconstrainedOnly;
  private final InstalledLimits limits;
  private final Cache<MemoKey, Outcome> memo;
  private final Optional<String> jvmUnsupported;

  CompiledPolicySet(
      long version,
      int policyCount,
      Map<String, ActionPolicies> byAction,
      ActionPolicies unconstrainedOnly,
      InstalledLimits limits,
      Optional<String> jvmUnsupported) {
    this.version = version;
    this.policyCount = policyCount;
    this.byAction = Map.copyOf(byAction);
    this.unconstrainedOnly = unconstrainedOnly;
    this.limits = limits;
    this.jvmUnsupported = jvmUnsupported;
    // Weighted so that a few large contexts cannot hold as much memory as 65,536 small ones.
    this.memo =
        Caffeine.newBuilder()
            .maximumWeight(MEMO_MAX_WEIGHT)
            .<MemoKey, Outcome>weigher((key, outcome) -> 1 + key.weight() / MEMO_WEIGHT_UNIT)
            .executor(Runnable::run)
            .build();
  }

  long version() {
    return version;
  }

  int policyCount() {
    return policyCount;
  }

  /** The sets for {@code action}; actions no policy names only see unconstrained policies. */
  ActionPolicies forAction(String action) {
    return byAction.getOrDefault(action, unconstrainedOnly);
  }

  /** The rate limits and budgets of the set's policies. */
  InstalledLimits limits() {
    return limits;
  }

  /** Why the JVM evaluator cannot decide with this set, which cedar-java then decides with. */
  Optional<String> jvmUnsupported() {
    return jvmUnsupported;
  }

  Cache<MemoKey, Outcome> memo() {
    return memo;
  }
}
