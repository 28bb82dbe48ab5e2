package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** The meters of long-running dispatches: queued, attempts, outcomes, in flight, queue age. */
public final class AsyncMeters {

  /** From 10 ms to 12 h: an attempt may be a quick tool call or hours of agent work. */
  private static final Duration[] TASK_BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10),
    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
    Duration.ofHours(3), Duration.ofHours(12)
  };

  private final MeterRegistry registry;
  private final AtomicLong queueAgeMillis = new AtomicLong();

  AsyncMeters(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(
            RuntimeMeter.ASYNC_QUEUE_AGE.meterName(), queueAgeMillis, age -> age.get() / 1000.0)
        .description(RuntimeMeter.ASYNC_QUEUE_AGE.description())
        .baseUnit(RuntimeMeter.ASYNC_QUEUE_AGE.kind().baseUnit())
        .register(registry);
  }

  /** One dispatch of {@code intent} queued. */
  public void queued(String intent) {
    counter(RuntimeMeter.ASYNC_QUEUED, "intent", intent).increment();
  }

  /** A worker began attempt {@code attempt} of a dispatch of {@code intent}. */
  public void started(String intent, int attempt) {
    counter(
            RuntimeMeter.ASYNC_ATTEMPTS,
            "intent",
            intent,
            "attempt",
            attempt >= 4 ? "4+" : Integer.toString(attempt))
        .increment();
  }

  /** A dispatch of {@code intent} ended {@code outcome}. */
  public void finished(String intent, String outcome) {
    counter(RuntimeMeter.ASYNC_FINISHED, "intent", intent, "outcome", outcome).increment();
  }

  /** An attempt of a dispatch of {@code intent} ended {@code outcome} after {@code nanos}. */
  public void attemptEnded(String intent, String outcome, long nanos) {
    Timer.builder(RuntimeMeter.ASYNC_TASK_DURATION.meterName())
        .description(RuntimeMeter.ASYNC_TASK_DURATION.description())
        .tags("intent", intent, "outcome", outcome)
        .serviceLevelObjectives(TASK_BUCKETS)
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A worker's receive found the longest waiting of its messages queued {@code age} ago (since its
   * dispatch was first queued); zero when it found none.
   */
  public void queueAge(Duration age) {
    queueAgeMillis.set(Math.max(0, age.toMillis()));
  }

  /** Exposes how many dispatches this worker runs. */
  public void bindInFlight(IntSupplier inFlight) {
    Gauge.builder(RuntimeMeter.ASYNC_IN_FLIGHT.meterName(), inFlight, IntSupplier::getAsInt)
        .description(RuntimeMeter.ASYNC_IN_FLIGHT.description())
        .strongReference(true)
        .register(registry);
  }

  private Counter counter(RuntimeMeter meter, String... tags) {
    return Counter.builder(meter.meterName())
        .description(meter.description())
        .tags(tags)
        .register(registry);
  }
}
