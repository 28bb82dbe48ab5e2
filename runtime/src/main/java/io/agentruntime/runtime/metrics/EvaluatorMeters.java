package io.agentruntime.runtime.metrics;

import io.agentruntime.governance.engine.EvaluatorListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts what the governance engine reports about its evaluators. */
final class EvaluatorMeters implements EvaluatorListener {
  private final Counter disagreements;
  private final Counter fallbacks;
  private final Counter dropped;
  private final Counter checks;

  EvaluatorMeters(MeterRegistry registry) {
    disagreements =
        Counter.builder(RuntimeMetrics.EVALUATOR_DISAGREEMENTS)
            .description("Decisions of the JVM evaluator cedar-java disagreed with (shadow)")
            .register(registry);
    fallbacks =
        Counter.builder(RuntimeMetrics.EVALUATOR_FALLBACKS)
            .description("Installed policy sets the JVM evaluator left to cedar-java")
            .register(registry);
    dropped =
        Counter.builder(RuntimeMetrics.EVALUATOR_SHADOW_DROPPED)
            .description("Decisions not checked against cedar-java because its queue was full")
            .register(registry);
    checks =
        Counter.builder(RuntimeMetrics.EVALUATOR_SHADOW_CHECKS)
            .description("Decisions of the JVM evaluator checked against cedar-java (shadow)")
            .register(registry);
  }

  @Override
  public void shadowChecked() {
    checks.increment();
  }

  @Override
  public void policySetFallback() {
    fallbacks.increment();
  }

  @Override
  public void disagreement() {
    disagreements.increment();
  }

  @Override
  public void shadowCheckDropped() {
    dropped.increment();
  }
}
