package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one intent label, prepared so that recording is an array or map read: a request
 * carries its intent's meters and never registers one.
 */
public final class IntentMeters {

  private final MeterRegistry registry;
  private final String intent;
  private final Timer[] decisionDurations;
  private final Timer[] dispatchDurations = new Timer[DispatchOutcome.values().length];
  private final Counter[][] decisions =
      new Counter[Effect.values().length][EnforcementMode.values().length];
  private final Timer backendDuration;
  private final Timer firstByte;
  private final ConcurrentHashMap<Integer, Counter> requestsByStatus = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter[]> rateLimitDecisions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counter[]> budgetDecisions = new ConcurrentHashMap<>();
  private final Counter promptTokens;
  private final Counter completionTokens;
  private final Counter costDollars;

  /**
   * @param decisionDurations the decision timers of every intent, by {@link Effect}
   */
  IntentMeters(MeterRegistry registry, String intent, String backend, Timer[] decisionDurations) {
    this.registry = registry;
    this.intent = intent;
    this.decisionDurations = decisionDurations;
    for (Effect effect : Effect.values()) {
      for (EnforcementMode mode : EnforcementMode.values()) {
        decisions[effect.ordinal()][mode.ordinal()] =
            Counter.builder(RuntimeMeter.DECISIONS.meterName())
                .description(RuntimeMeter.DECISIONS.description())
                .tag("intent", intent)
                .tag("decision", effect.displayName())
                .tag("mode", mode.displayName())
                .register(registry);
      }
    }
    backendDuration =
        RuntimeMetrics.histogram(RuntimeMeter.BACKEND_DURATION)
            .tag("intent", intent)
            .tag("backend", backend)
            .register(registry);
    firstByte =
        RuntimeMetrics.histogram(RuntimeMeter.DISPATCH_FIRST_BYTE)
            .tag("intent", intent)
            .register(registry);
    promptTokens = tokenCounter("prompt");
    completionTokens = tokenCounter("completion");
    costDollars =
        Counter.builder(RuntimeMeter.COST.meterName())
            .description(RuntimeMeter.COST.description())
            .tag("intent", intent)
            .register(registry);
  }

  /** Records the time from a streamed request's arrival to its first byte sent. */
  public void recordFirstByte(long nanos) {
    firstByte.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter tokenCounter(String kind) {
    return Counter.builder(RuntimeMeter.TOKENS.meterName())
        .description(RuntimeMeter.TOKENS.description())
        .tag("intent", intent)
        .tag("kind", kind)
        .register(registry);
  }

  /**
   * Records the tokens one backend call reported, and their cost.
   *
   * @param costMicros what they cost in micro-dollars, negative when the intent is not priced
   */
  public void recordUsage(long prompt, long completion, long costMicros) {
    promptTokens.increment(prompt);
    completionTokens.increment(completion);
    if (costMicros >= 0) {
      costDollars.increment(costMicros / 1_000_000.0);
    }
  }

  /** Counts one reservation in the budget of {@code policyId}. */
  public void recordBudget(String policyId, BudgetOutcome outcome) {
    budgetDecisions.computeIfAbsent(policyId, this::budgetCounters)[outcome.ordinal()].increment();
  }

  /** Registers the budget counters of {@code policyIds}, off the request path. */
  void prepareBudgets(Collection<String> policyIds) {
    policyIds.forEach(policyId -> budgetDecisions.computeIfAbsent(policyId, this::budgetCounters));
  }

  private Counter[] budgetCounters(String policyId) {
    Counter[] counters = new Counter[BudgetOutcome.values().length];
    for (BudgetOutcome outcome : BudgetOutcome.values()) {
      counters[outcome.ordinal()] =
          Counter.builder(RuntimeMeter.BUDGET_DECISIONS.meterName())
              .description(RuntimeMeter.BUDGET_DECISIONS.description())
              .tag("intent", intent)
              .tag("policy", policyId)
              .tag("outcome", outcome.label())
              .register(registry);
    }
    return counters;
  }

  /** Records one {@code /dispatch} answer. */
  public void recordDispatch(int status, long nanos) {
    DispatchOutcome outcome = DispatchOutcome.of(status);
    Timer duration = dispatchDurations[outcome.ordinal()];
    if (duration == null) {
      // Created on first use: most intents never see most outcomes. Registering twice in a race
      // returns the same meter, so the unsynchronized write is harmless.
      duration =
          RuntimeMetrics.histogram(RuntimeMeter.DISPATCH_DURATION)
              .tag("intent", intent)
              .tag("outcome", outcome.label())
              .register(registry);
      dispatchDurations[outcome.ordinal()] = duration;
    }
    duration.record(nanos, TimeUnit.NANOSECONDS);
    requestsByStatus.computeIfAbsent(status, code -> requestCounter(outcome, code)).increment();
  }

  /** Records one governance decision: its duration and its effect. */
  public void recordDecision(Decision decision) {
    decisionDurations[decision.effect().ordinal()].record(
        decision.evaluationNanos(), TimeUnit.NANOSECONDS);
    decisions[decision.effect().ordinal()][decision.mode().ordinal()].increment();
  }

  /** Records the time one backend call took, successful or not. */
  public void recordBackend(long nanos) {
    backendDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one check of the bucket of the rate-limited policy {@code policyId}. */
  public void recordRateLimit(String policyId, RateLimitOutcome outcome) {
    // Prepared when the policy set was installed; only a check racing that install registers.
    rateLimitDecisions.computeIfAbsent(policyId, this::rateLimitCounters)[outcome.ordinal()]
        .increment();
  }

  /** Registers the rate limit counters of {@code policyIds}, off the request path. */
  void prepareRateLimits(Collection<String> policyIds) {
    policyIds.forEach(
        policyId -> rateLimitDecisions.computeIfAbsent(policyId, this::rateLimitCounters));
  }

  private Counter[] rateLimitCounters(String policyId) {
    Counter[] counters = new Counter[RateLimitOutcome.values().length];
    for (RateLimitOutcome outcome : RateLimitOutcome.values()) {
      counters[outcome.ordinal()] =
          Counter.builder(RuntimeMeter.RATE_LIMIT_DECISIONS.meterName())
              .description(RuntimeMeter.RATE_LIMIT_DECISIONS.description())
              .tag("intent", intent)
              .tag("policy", policyId)
              .tag("outcome", outcome.label())
              .register(registry);
    }
    return counters;
  }

  private Counter requestCounter(DispatchOutcome outcome, int status) {
    return Counter.builder(RuntimeMeter.DISPATCH_REQUESTS.meterName())
        .description(RuntimeMeter.DISPATCH_REQUESTS.description())
        .tag("intent", intent)
        .tag("outcome", outcome.label())
        .tag("code", Integer.toString(status))
        .register(registry);
  }
}
