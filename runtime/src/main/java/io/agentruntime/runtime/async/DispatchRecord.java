package io.agentruntime.runtime.async;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current state of one dispatch: its events folded in order. Records are values; {@link #apply}
 * returns the next one.
 *
 * @param key the dispatch
 * @param version how many events were folded: the next event is number {@code version + 1}
 * @param principal its owner
 * @param intent its intent
 * @param decision the governance decision it was admitted with
 * @param deadline queued past this, it expires
 * @param status where it stands
 * @param transitions when it first entered each status, in order
 * @param attempts every attempt, in order
 * @param leaseUntil while running: until when its worker holds it
 * @param cancelRequested whether its owner asked it to stop while it ran
 * @param result the result, once succeeded
 * @param problem the last problem, once failed
 */
public record DispatchRecord(
    DispatchKey key,
    long version,
    String principal,
    String intent,
    JsonObject decision,
    Instant deadline,
    DispatchStatus status,
    Map<DispatchStatus, Instant> transitions,
    List<Attempt> attempts,
    Optional<Instant> leaseUntil,
    boolean cancelRequested,
    Optional<JsonObject> result,
    Optional<JsonObject> problem) {

  public DispatchRecord {
    transitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(transitions));
    attempts = List.copyOf(attempts);
  }

  /** The record of a dispatch just queued: event number 1. */
  static DispatchRecord queued(DispatchKey key, DispatchEvent.Queued queued) {
    return new DispatchRecord(
        key,
        1,
        queued.principal(),
        queued.intent(),
        queued.decision(),
        queued.deadline(),
        DispatchStatus.QUEUED,
        Map.of(DispatchStatus.QUEUED, queued.at()),
        List.of(),
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty());
  }

  /** The number of the last attempt, 0 before the first. */
  public int attemptCount() {
    return attempts.size();
  }

  /** The record after {@code event}. */
  DispatchRecord apply(DispatchEvent event) {
    return switch (event) {
      case DispatchEvent.Queued queued -> queued(key, queued);
      case DispatchEvent.Started started -> {
        List<Attempt> next = endRunning(started.at(), Attempt.LOST, null);
        next.add(Attempt.started(started));
        yield with(DispatchStatus.RUNNING, started.at(), next, Optional.of(started.leaseUntil()))
            .withOutcome(Optional.empty(), Optional.empty());
      }
      case DispatchEvent.AttemptFailed failed ->
          with(
                  DispatchStatus.QUEUED,
                  null,
                  endRunning(failed.at(), "failed", failed.problem()),
                  Optional.empty())
              .withOutcome(Optional.empty(), Optional.of(failed.problem()));
      case DispatchEvent.Succeeded succeeded ->
          with(
                  DispatchStatus.SUCCEEDED,
                  succeeded.at(),
                  endRunning(succeeded.at(), "succeeded", null),
                  Optional.empty())
              .withOutcome(Optional.of(succeeded.result()), Optional.empty());
      case DispatchEvent.Failed failed ->
          with(
                  DispatchStatus.FAILED,
                  failed.at(),
                  endRunning(failed.at(), "failed", failed.problem()),
                  Optional.empty())
              .withOutcome(Optional.empty(), Optional.of(failed.problem()));
      case DispatchEvent.CancelRequested requested ->
          new DispatchRecord(
              key,
              version + 1,
              principal,
              intent,
              decision,
              deadline,
              status,
              transitions,
              attempts,
              leaseUntil,
              true,
              result,
              problem);
      case DispatchEvent.Cancelled cancelled ->
          with(
              DispatchStatus.CANCELLED,
              cancelled.at(),
              endRunning(cancelled.at(), "cancelled", null),
              Optional.empty());
      case DispatchEvent.Expired expired ->
          with(DispatchStatus.EXPIRED, expired.at(), new ArrayList<>(attempts), Optional.empty());
    };
  }

  /** The running attempt, if any, ended {@code how}; every other attempt as it was. */
  private List<Attempt> endRunning(Instant at, String how, JsonObject why) {
    List<Attempt> next = new ArrayList<>(attempts.size() + 1);
    for (Attempt attempt : attempts) {
      next.add(attempt.running() ? attempt.ended(at, how, why) : attempt);
    }
    return next;
  }

  private DispatchRecord with(
      DispatchStatus next, Instant at, List<Attempt> nextAttempts, Optional<Instant> lease) {
    Map<DispatchStatus, Instant> nextTransitions = new LinkedHashMap<>(transitions);
    if (at != null) {
      nextTransitions.putIfAbsent(next, at);
    }
    return new DispatchRecord(
        key,
        version + 1,
        principal,
        intent,
        decision,
        deadline,
        next,
        nextTransitions,
        nextAttempts,
        lease,
        cancelRequested,
        result,
        problem);
  }

  private DispatchRecord withOutcome(Optional<JsonObject> nextResult, Optional<JsonObject> why) {
    return new DispatchRecord(
        key,
        version,
        principal,
        intent,
        decision,
        deadline,
        status,
        transitions,
        attempts,
        leaseUntil,
        cancelRequested,
        nextResult,
        why);
  }

  /** The same record held by its worker until {@code until}. */
  DispatchRecord leasedUntil(Instant until) {
    return new DispatchRecord(
        key,
        version,
        principal,
        intent,
        decision,
        deadline,
        status,
        transitions,
        attempts,
        Optional.of(until),
        cancelRequested,
        result,
        problem);
  }
}
