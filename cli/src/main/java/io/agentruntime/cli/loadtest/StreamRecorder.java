package io.agentruntime.cli.loadtest;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Collects one stage's streamed answers from many workers at once, beside its latencies. */
final class StreamRecorder {
  private final Histogram firstPiece = new ConcurrentHistogram(LatencyRecorder.SIGNIFICANT_DIGITS);
  private final LongAdder pieces = new LongAdder();
  private final LongAdder gaps = new LongAdder();
  private final LongAdder gapNanos = new LongAdder();
  private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();

  /**
   * A stream that ended with its end event, {@code fromNanos} being where its latency runs from.
   */
  void completed(StreamReader.StreamRead stream, long fromNanos) {
    pieces.add(stream.pieces());
    if (stream.pieces() > 0) {
      firstPiece.recordValue(Math.max(stream.firstPieceNanos() - fromNanos, 0));
    }
    if (stream.pieces() > 1) {
      gaps.add(stream.pieces() - 1);
      gapNanos.add(stream.lastPieceNanos() - stream.firstPieceNanos());
    }
  }

  /** A stream that ended with an error, or without its end event; counted by reason. */
  void failed(StreamReader.StreamRead stream) {
    pieces.add(stream.pieces());
    failures.computeIfAbsent(stream.failure(), reason -> new LongAdder()).increment();
  }

  long failedCount() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  LoadResult.Streaming result(double seconds) {
    Map<String, Long> reasons = new TreeMap<>();
    failures.forEach((reason, count) -> reasons.put(reason, count.sum()));
    long total = pieces.sum();
    double perStream = gapNanos.sum() > 0 ? gaps.sum() / (gapNanos.sum() / 1e9) : 0;
    return new LoadResult.Streaming(
        total,
        seconds > 0 ? total / seconds : 0,
        perStream,
        LatencyRecorder.latency(firstPiece),
        reasons);
  }

  /** The stages together. */
  static StreamRecorder total(Collection<StreamRecorder> stages) {
    StreamRecorder merged = new StreamRecorder();
    for (StreamRecorder stage : stages) {
      merged.firstPiece.add(stage.firstPiece);
      merged.pieces.add(stage.pieces.sum());
      merged.gaps.add(stage.gaps.sum());
      merged.gapNanos.add(stage.gapNanos.sum());
      stage.failures.forEach(
          (reason, count) ->
              merged.failures.computeIfAbsent(reason, key -> new LongAdder()).add(count.sum()));
    }
    return merged;
  }
}
