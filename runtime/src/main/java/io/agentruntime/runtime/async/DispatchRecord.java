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
 * @param deadline still queued and never started past this, it expires
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

  /**
   * Whether the dispatch expired unrun: still queued at {@code now}, past its deadline, never
   * started. One that ran and waits for a retry is not: its deadline bounds the wait to start.
   */
  boolean overdue(Instant now) {
    return status == DispatchStatus.QUEUED && attempts.isEmpty() && now.isAfter(deadline);
  }

  /** The record after {@code event}. */
  DispatchRecord apply(DispatchEvent event) {
    return switch (event) {
      case DispatchEvent.Queued queued -> queued(key, queued);
      case DispatchEvent.Started started -> {
        List<Attempt> next = endRunning(started.at(), Attempt.LOST, null);
        next.add(Attempt.started(started));
        yield next()
            .enter(DispatchStatus.RUNNING, started.at())
            .attempts(next)
            .lease(Optional.of(started.leaseUntil()))
            .outcome(Optional.empty(), Optional.empty())
            .record();
      }
      case DispatchEvent.AttemptFailed failed ->
          next()
              .enter(DispatchStatus.QUEUED, null)
              .attempts(endRunning(failed.at(), "failed", failed.problem()))
              .lease(Optional.empty())
              .outcome(Optional.empty(), Optional.of(failed.problem()))
              .record();
      case DispatchEvent.Succeeded succeeded ->
          next()
              .enter(DispatchStatus.SUCCEEDED, succeeded.at())
              .attempts(endRunning(succeeded.at(), "succeeded", null))
              .lease(Optional.empty())
              .outcome(Optional.of(succeeded.result()), Optional.empty())
              .record();
      case DispatchEvent.Failed failed ->
          next()
              .enter(DispatchStatus.FAILED, failed.at())
              .attempts(endRunning(failed.at(), "failed", failed.problem()))
              .lease(Optional.empty())
              .outcome(Optional.empty(), Optional.of(failed.problem()))
              .record();
      case DispatchEvent.CancelRequested requested -> next().cancelRequested().record();
      case DispatchEvent.Cancelled cancelled ->
          next()
              .enter(DispatchStatus.CANCELLED, cancelled.at())
              .attempts(endRunning(cancelled.at(), "cancelled", null))
              .lease(Optional.empty())
              .record();
      case DispatchEvent.Expired expired ->
          next().enter(DispatchStatus.EXPIRED, expired.at()).lease(Optional.empty()).record();
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

  /** The same record held by its worker until {@code until}. */
  DispatchRecord leasedUntil(Instant until) {
    return new Change(this, version).lease(Optional.of(until)).record();
  }

  /** The record after one more event: what the event changes is set on the change. */
  private Change next() {
    return new Change(this, version + 1);
  }

  /**
   * A record being changed: what a dispatch is (key, owner, intent, decision, deadline) never
   * changes, and each method sets one part of where it stands.
   */
  private static final class Change {

    private final DispatchRecord from;
    private final long version;
    private DispatchStatus status;
    private final Map<DispatchStatus, Instant> transitions;
    private List<Attempt> attempts;
    private Optional<Instant> leaseUntil;
    private boolean cancelRequested;
    private Optional<JsonObject> result;
    private Optional<JsonObject> problem;

    private Change(DispatchRecord from, long version) {
      this.from = from;
      this.version = version;
      this.status = from.status;
      this.transitions = new LinkedHashMap<>(from.transitions);
      this.attempts = from.attempts;
      this.leaseUntil = from.leaseUntil;
      this.cancelRequested = from.cancelRequested;
      this.result = from.result;
      this.problem = from.problem;
    }

    /** Now in {@code next}, entered at {@code at} unless it was before (or {@code at} is null). */
    Change enter(DispatchStatus next, Instant at) {
      status = next;
      if (at != null) {
        transitions.putIfAbsent(next, at);
      }
      return this;
    }

    Change attempts(List<Attempt> next) {
      attempts = next;
      return this;
    }

    Change lease(Optional<Instant> until) {
      leaseUntil = until;
      return this;
    }

    Change cancelRequested() {
      cancelRequested = true;
      return this;
    }

    Change outcome(Optional<JsonObject> nextResult, Optional<JsonObject> why) {
      result = nextResult;
      problem = why;
      return this;
    }

    DispatchRecord record() {
      return new DispatchRecord(
          from.key,
          version,
          from.principal,
          from.intent,
          from.decision,
          from.deadline,
          status,
          transitions,
          attempts,
          leaseUntil,
          cancelRequested,
          result,
          problem);
    }
  }
}
