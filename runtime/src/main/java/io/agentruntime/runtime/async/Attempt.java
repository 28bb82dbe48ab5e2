package io.agentruntime.runtime.async;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt at running a dispatch, as its record shows it.
 *
 * @param number from 1
 * @param worker the worker that ran it
 * @param startedAt when it began
 * @param endedAt when it ended; empty while it runs (or when its worker vanished unnoticed)
 * @param outcome {@code running}, {@code succeeded}, {@code failed}, {@code cancelled} or {@code
 *     lost} (its worker stopped answering before recording an outcome)
 * @param problem why it failed, if it did
 */
public record Attempt(
    int number,
    String worker,
    Instant startedAt,
    Optional<Instant> endedAt,
    String outcome,
    Optional<JsonObject> problem) {

  static final String RUNNING = "running";
  static final String LOST = "lost";

  static Attempt started(DispatchEvent.Started started) {
    return new Attempt(
        started.attempt(),
        started.worker(),
        started.at(),
        Optional.empty(),
        RUNNING,
        Optional.empty());
  }

  Attempt ended(Instant at, String how, JsonObject why) {
    return new Attempt(number, worker, startedAt, Optional.of(at), how, Optional.ofNullable(why));
  }

  boolean running() {
    return RUNNING.equals(outcome);
  }
}
