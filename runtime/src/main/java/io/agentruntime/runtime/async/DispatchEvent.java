package io.agentruntime.runtime.async;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One transition of a dispatch, appended to its record and never changed. The record's current
 * state is these events folded in order ({@link DispatchRecord#apply}).
 */
public sealed interface DispatchEvent {

  /** When the transition happened. */
  Instant at();

  /**
   * Accepted and queued.
   *
   * @param principal who dispatched it: the only principal that may read or cancel it
   * @param intent the intent
   * @param decision the governance decision, as in the 202 answer
   * @param deadline queued past this, the dispatch expires unrun
   */
  record Queued(Instant at, String principal, String intent, JsonObject decision, Instant deadline)
      implements DispatchEvent {}

  /**
   * A worker began an attempt.
   *
   * @param attempt the attempt's number, from 1
   * @param worker the worker running it
   * @param leaseUntil until when the worker holds it; renewed while it runs
   */
  record Started(Instant at, int attempt, String worker, Instant leaseUntil)
      implements DispatchEvent {}

  /** An attempt failed and the dispatch waits for the next; {@code problem} says why. */
  record AttemptFailed(Instant at, int attempt, JsonObject problem) implements DispatchEvent {}

  /** Finished with a result. */
  record Succeeded(Instant at, int attempt, JsonObject result) implements DispatchEvent {}

  /** Finished without one: {@code problem} is the last attempt's. */
  record Failed(Instant at, int attempt, JsonObject problem) implements DispatchEvent {}

  /** Its owner asked a running dispatch to stop. */
  record CancelRequested(Instant at) implements DispatchEvent {}

  /** Stopped (or never started) at its owner's request. */
  record Cancelled(Instant at) implements DispatchEvent {}

  /** Still queued at its deadline: it never ran. */
  record Expired(Instant at) implements DispatchEvent {}
}
