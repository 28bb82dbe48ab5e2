package io.agentruntime.runtime.async;

import io.agentruntime.runtime.metrics.AsyncMeters;

/**
 * A dispatch's end, reported once by the process that recorded it (a worker, or the API for a
 * cancel or an expiry it recorded): its outcome counted and its decision log line written.
 */
final class DispatchEnd {

  private DispatchEnd() {}

  /** Reports the end of {@code record}, which is finished. */
  static void report(AsyncMeters meters, DispatchRecord record) {
    meters.finished(record.intent(), record.status().displayName());
    AsyncDecisionLog.completed(record);
  }
}
