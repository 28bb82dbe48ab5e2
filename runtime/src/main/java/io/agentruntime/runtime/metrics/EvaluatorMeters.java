package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.metrics.RuntimeMeter;
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
    disagreements = counter(registry, RuntimeMeter.EVALUATOR_DISAGREEMENTS);
    fallbacks = counter(registry, RuntimeMeter.EVALUATOR_FALLBACKS);
    dropped = counter(registry, RuntimeMeter.EVALUATOR_SHADOW_DROPPED);
    checks = counter(registry, RuntimeMeter.EVALUATOR_SHADOW_CHECKS);
  }

  private static Counter counter(MeterRegistry registry, RuntimeMeter meter) {
    return Counter.builder(meter.meterName()).description(meter.description()).register(registry);
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
