package io.agentruntime.cli.loadtest;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Collects one stage's outcomes from many workers at once. */
final class LatencyRecorder {
  /** Three significant digits: percentiles within 0.1 % of the recorded latency. */
  private static final int SIGNIFICANT_DIGITS = 3;

  private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  private final Histogram latencies = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  private final LongAdder success = new LongAdder();
  private final LongAdder status4xx = new LongAdder();
  private final LongAdder status5xx = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private volatile long elapsedNanos;

  void answered(int status, long latencyNanos) {
    latencies.recordValue(Math.max(latencyNanos, 0));
    if (status >= 500) {
      status5xx.increment();
    } else if (status >= 400) {
      status4xx.increment();
    } else {
      success.increment();
    }
  }

  void timedOut() {
    timeouts.increment();
  }

  void failed() {
    errors.increment();
  }

  void finished(long elapsedNanos) {
    this.elapsedNanos = elapsedNanos;
  }

  LoadResult result() {
    return result(latencies, elapsedNanos, this);
  }

  /** The stages together: latencies merged, counts and wall times added up (pauses excluded). */
  static LoadResult total(Collection<LatencyRecorder> stages) {
    Histogram merged = new Histogram(SIGNIFICANT_DIGITS);
    LatencyRecorder counts = new LatencyRecorder();
    long elapsed = 0;
    for (LatencyRecorder stage : stages) {
      merged.add(stage.latencies);
      counts.success.add(stage.success.sum());
      counts.status4xx.add(stage.status4xx.sum());
      counts.status5xx.add(stage.status5xx.sum());
      counts.timeouts.add(stage.timeouts.sum());
      counts.errors.add(stage.errors.sum());
      elapsed += stage.elapsedNanos;
    }
    return result(merged, elapsed, counts);
  }

  private static LoadResult result(Histogram histogram, long elapsedNanos, LatencyRecorder counts) {
    long requests =
        counts.success.sum()
            + counts.status4xx.sum()
            + counts.status5xx.sum()
            + counts.timeouts.sum()
            + counts.errors.sum();
    boolean empty = histogram.getTotalCount() == 0;
    LoadResult.Latency latency =
        new LoadResult.Latency(
            empty ? 0 : histogram.getMean() / NANOS_PER_MILLI,
            millis(histogram, 50),
            millis(histogram, 95),
            millis(histogram, 99),
            empty ? 0 : histogram.getMaxValue() / NANOS_PER_MILLI);
    return new LoadResult(
        requests,
        elapsedNanos / 1e9,
        counts.success.sum(),
        counts.status4xx.sum(),
        counts.status5xx.sum(),
        counts.timeouts.sum(),
        counts.errors.sum(),
        latency);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / NANOS_PER_MILLI;
  }
}
