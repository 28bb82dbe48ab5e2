package io.agentruntime.runtime.async;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The transitions of dispatch records, each a conditional append that is read again and
 * reconsidered when another write came first. Calls block: make them off event loops.
 */
public final class DispatchRecords {

  /** Conflicts on one dispatch come from a handful of writers: a few rounds settle them. */
  private static final int MAX_ROUNDS = 8;

  private final DispatchLedger ledger;
  private final Clock clock;

  public DispatchRecords(DispatchLedger ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  public DispatchLedger ledger() {
    return ledger;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * The record of a dispatch just accepted, or the existing one when its id was taken already (a
   * repeated {@code Idempotency-Key}).
   *
   * @return the record, and whether this call created it
   */
  Created create(DispatchKey key, DispatchEvent.Queued queued) {
    try {
      return new Created(ledger.append(key, Optional.empty(), queued, queued.deadline()), true);
    } catch (DispatchConflictException e) {
      return new Created(ledger.load(key).orElseThrow(() -> e), false);
    }
  }

  /** What {@link #create} found or made. */
  record Created(DispatchRecord record, boolean created) {}

  /** The dispatch, if {@code principal} owns it: to anyone else it does not exist. */
  public Optional<DispatchRecord> find(DispatchKey key, String principal) {
    return ledger.load(key).filter(record -> record.principal().equals(principal));
  }

  /**
   * Cancels a queued dispatch at once and asks a running one to stop; a finished one stays as it
   * is. Empty when {@code principal} does not own it.
   */
  public Optional<DispatchRecord> cancel(DispatchKey key, String principal, Duration retention) {
    return transition(
            key,
            record -> {
              if (!record.principal().equals(principal)) {
                return null;
              }
              return switch (record.status()) {
                case QUEUED -> new DispatchEvent.Cancelled(now());
                case RUNNING ->
                    record.cancelRequested() ? null : new DispatchEvent.CancelRequested(now());
                default -> null;
              };
            },
            retention)
        .filter(record -> record.principal().equals(principal));
  }

  /**
   * Applies the event {@code next} chooses for the current record (null: none), retrying on
   * conflicts; the record as it ends up, empty when there is none.
   */
  Optional<DispatchRecord> transition(
      DispatchKey key, Function<DispatchRecord, DispatchEvent> next, Duration retention) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<DispatchRecord> current = ledger.load(key);
      if (current.isEmpty()) {
        return current;
      }
      DispatchEvent event = next.apply(current.get());
      if (event == null) {
        return current;
      }
      try {
        return Optional.of(
            ledger.append(key, current, event, expiresAt(current.get(), event, retention)));
      } catch (DispatchConflictException e) {
        // read again and reconsider
      }
    }
    throw new DispatchStoreException(
        "dispatch " + key.id() + " kept changing under " + MAX_ROUNDS + " writes", null);
  }

  /**
   * Appends {@code event} after {@code current}, which the caller holds (a running attempt).
   *
   * @throws DispatchConflictException when the record moved on since
   */
  DispatchRecord append(DispatchRecord current, DispatchEvent event, Duration retention) {
    return ledger.append(
        current.key(), Optional.of(current), event, expiresAt(current, event, retention));
  }

  /**
   * A finished record is kept {@code retention} past its end; a live one till its deadline or more.
   */
  static Instant expiresAt(DispatchRecord current, DispatchEvent event, Duration retention) {
    Instant keep = event.at().plus(retention);
    return keep.isAfter(current.deadline()) ? keep : current.deadline();
  }
}
