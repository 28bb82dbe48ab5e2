package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncIntentConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a worker does with a message it received, decided from the dispatch's record and written
 * there before anything runs, so that a redelivered message never runs a finished dispatch again.
 */
sealed interface TaskStart {

  /** Nothing left to do: delete the message. */
  record Done(Optional<DispatchRecord> record) implements TaskStart {}

  /**
   * This receive ended the dispatch: failed out of attempts (move the message to the dead-letter
   * queue), expired unrun, or cancelled after its worker died (delete the message).
   */
  record Ended(DispatchRecord record) implements TaskStart {}

  /** Another worker holds it: look again after {@code pause}. */
  record Busy(Duration pause) implements TaskStart {}

  /** Run attempt {@code record.attemptCount()}, which this worker now holds. */
  record Run(DispatchRecord record) implements TaskStart {}

  /**
   * Decides and records the start of {@code key}'s next step.
   *
   * @param lease how long a worker holds a started attempt before renewing
   * @throws DispatchStoreException when the records cannot be read or written
   */
  static TaskStart begin(
      DispatchRecords records,
      DispatchKey key,
      AsyncIntentConfig intent,
      String worker,
      Duration lease) {
    Duration retention = intent.resultTtl();
    TaskStart[] decided = new TaskStart[1];
    DispatchRecords.Moved moved =
        records.transition(
            key,
            record -> {
              Instant now = records.now();
              decided[0] = null;
              return next(record, now, intent, worker, lease, decided);
            },
            retention);
    if (moved.record().isEmpty()) {
      return new Done(Optional.empty());
    }
    if (decided[0] != null) {
      return decided[0];
    }
    if (moved.endedHere().isPresent()) {
      return new Ended(moved.endedHere().get());
    }
    DispatchRecord record = moved.record().get();
    return record.status() == DispatchStatus.RUNNING ? new Run(record) : new Done(moved.record());
  }

  /** The event to record for {@code record}, or null with the decision in {@code decided[0]}. */
  private static DispatchEvent next(
      DispatchRecord record,
      Instant now,
      AsyncIntentConfig intent,
      String worker,
      Duration lease,
      TaskStart[] decided) {
    int attempts = record.attemptCount();
    switch (record.status()) {
      case QUEUED -> {
        if (record.overdue(now)) {
          return new DispatchEvent.Expired(record.deadline());
        }
        return new DispatchEvent.Started(now, attempts + 1, worker, now.plus(lease));
      }
      case RUNNING -> {
        Instant held = record.leaseUntil().orElse(Instant.MIN);
        if (held.isAfter(now)) {
          decided[0] = new Busy(Duration.between(now, held).plusSeconds(1));
          return null;
        }
        if (record.cancelRequested()) {
          return new DispatchEvent.Cancelled(now);
        }
        if (attempts >= intent.maxAttempts()) {
          return new DispatchEvent.Failed(now, attempts, TaskProblems.lost(attempts));
        }
        return new DispatchEvent.Started(now, attempts + 1, worker, now.plus(lease));
      }
      default -> {
        decided[0] = new Done(Optional.of(record));
        return null;
      }
    }
  }
}
