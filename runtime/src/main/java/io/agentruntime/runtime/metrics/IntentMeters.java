package io.agentruntime.runtime.metrics;

import io.agentruntime.governance.EnforcementMode;
import io.agentruntime.governance.engine.Decision;
import io.agentruntime.governance.engine.Effect;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The meters of one intent label, prepared so recording is an array or map read. */
final class IntentMeters {

  private final MeterRegistry registry;
  private final String intent;
  private final Timer[] dispatchDurations = new Timer[DispatchOutcome.values().length];
  private final Counter[][] decisions =
      new Counter[Effect.values().length][EnforcementMode.values().length];
  private final Timer backendDuration;
  private final ConcurrentHashMap<Integer, Counter> requestsByStatus = new ConcurrentHashMap<>();

  IntentMeters(MeterRegistry registry, String intent, String backend) {
    this.registry = registry;
    this.intent = intent;
    for (Effect effect : Effect.values()) {
      for (EnforcementMode mode : EnforcementMode.values()) {
        decisions[effect.ordinal()][mode.ordinal()] =
            Counter.builder(RuntimeMetrics.DECISIONS)
                .description("Governance decisions by intent, effect and engine mode")
                .tag("intent", intent)
                .tag("decision", effect.displayName())
                .tag("mode", mode.displayName())
                .register(registry);
      }
    }
    backendDuration =
        RuntimeMetrics.histogram(RuntimeMetrics.BACKEND_DURATION, "Time one backend call took")
            .tag("intent", intent)
            .tag("backend", backend)
            .register(registry);
  }

  void recordDispatch(int status, long nanos) {
    DispatchOutcome outcome = DispatchOutcome.of(status);
    Timer duration = dispatchDurations[outcome.ordinal()];
    if (duration == null) {
      // Created on first use: most intents never see most outcomes. Registering twice in a race
      // returns the same meter, so the unsynchronized write is harmless.
      duration =
          RuntimeMetrics.histogram(
                  RuntimeMetrics.DISPATCH_DURATION, "Time to answer POST /dispatch")
              .tag("intent", intent)
              .tag("outcome", outcome.label())
              .register(registry);
      dispatchDurations[outcome.ordinal()] = duration;
    }
    duration.record(nanos, TimeUnit.NANOSECONDS);
    requestsByStatus.computeIfAbsent(status, code -> requestCounter(outcome, code)).increment();
  }

  void recordDecision(Decision decision) {
    decisions[decision.effect().ordinal()][decision.mode().ordinal()].increment();
  }

  void recordBackend(long nanos) {
    backendDuration.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter requestCounter(DispatchOutcome outcome, int status) {
    return Counter.builder(RuntimeMetrics.DISPATCH_REQUESTS)
        .description("Answers to POST /dispatch by intent, outcome and status code")
        .tag("intent", intent)
        .tag("outcome", outcome.label())
        .tag("code", Integer.toString(status))
        .register(registry);
  }
}
