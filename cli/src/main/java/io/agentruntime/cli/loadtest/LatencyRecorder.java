package io.agentruntime.cli.loadtest;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Collects one stage's outcomes from many workers at once. */
final class LatencyRecorder {
  /** Three significant digits: percentiles within 0.1 % of the recorded latency. */
  static final int SIGNIFICANT_DIGITS = 3;

  private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);

  private final Histogram latencies = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
  private final LongAdder success = new LongAdder();
  private final LongAdder status4xx = new LongAdder();
  private final LongAdder status5xx = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final StreamRecorder streams;
  private volatile long elapsedNanos;

  /** A recorder of whole answers. */
  LatencyRecorder() {
    this(null);
  }

  /** A recorder of streamed answers when {@code streams} is not null. */
  LatencyRecorder(StreamRecorder streams) {
    this.streams = streams;
  }

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

  /**
   * A streamed answer read to its end: a success with its time to first piece when it completed, a
   * failure counted by reason (with no latency, as a broken connection has none) when it did not.
   */
  void streamed(StreamReader.StreamRead stream, long fromNanos, long endNanos) {
    if (stream.completed()) {
      streams.completed(stream, fromNanos);
      answered(200, endNanos - fromNanos);
    } else {
      streams.failed(stream);
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
    return total(List.of(this));
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
    List<StreamRecorder> streamed =
        stages.stream().map(stage -> stage.streams).filter(s -> s != null).toList();
    StreamRecorder streams = streamed.isEmpty() ? null : StreamRecorder.total(streamed);
    return result(merged, elapsed, counts, streams);
  }

  private static LoadResult result(
      Histogram histogram, long elapsedNanos, LatencyRecorder counts, StreamRecorder streams) {
    long requests =
        counts.success.sum()
            + counts.status4xx.sum()
            + counts.status5xx.sum()
            + counts.timeouts.sum()
            + counts.errors.sum()
            + (streams == null ? 0 : streams.failedCount());
    double seconds = elapsedNanos / 1e9;
    return new LoadResult(
        requests,
        seconds,
        counts.success.sum(),
        counts.status4xx.sum(),
        counts.status5xx.sum(),
        counts.timeouts.sum(),
        counts.errors.sum(),
        latency(histogram),
        streams == null ? null : streams.result(seconds));
  }

  /** The histogram's statistics in milliseconds, all 0 when it is empty. */
  static LoadResult.Latency latency(Histogram histogram) {
    boolean empty = histogram.getTotalCount() == 0;
    return new LoadResult.Latency(
        empty ? 0 : histogram.getMean() / NANOS_PER_MILLI,
        millis(histogram, 50),
        millis(histogram, 95),
        millis(histogram, 99),
        empty ? 0 : histogram.getMaxValue() / NANOS_PER_MILLI);
  }

  private static double millis(Histogram histogram, double percentile) {
    return histogram.getValueAtPercentile(percentile) / NANOS_PER_MILLI;
  }
}
