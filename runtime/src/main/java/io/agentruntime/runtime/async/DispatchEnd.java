package io.agentruntime.runtime.async;

import io.agentruntime.runtime.metrics.AsyncMeters;

/**
 * A dispatch's end, reported once by the process that recorded it (a worker, or the API for a
 * cancel or an expiry it recorded): its outcome counted and its decision log line written.
 */
final class DispatchEnd {

  private DispatchEnd() {}

  /**
   * @param record the finished record
   * @param lastAttemptNanos how long its last attempt ran in this process; 0 when none did
   */
  static void report(AsyncMeters meters, DispatchRecord record, long lastAttemptNanos) {
    meters.finished(record.intent(), record.status().displayName(), lastAttemptNanos);
    AsyncDecisionLog.completed(record);
  }
}
