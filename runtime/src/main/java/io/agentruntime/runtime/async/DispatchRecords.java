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
   * repeated {@code Idempotency-Key}). It is kept {@code retention} past its deadline: one that
   * expires unrun stays readable that long after it ended.
   *
   * @return the record, and whether this call created it
   */
  Created create(DispatchKey key, DispatchEvent.Queued queued, Duration retention) {
    try {
      return new Created(
          ledger.append(key, Optional.empty(), queued, queued.deadline().plus(retention)), true);
    } catch (DispatchConflictException e) {
      return new Created(ledger.load(key).orElseThrow(() -> e), false);
    }
  }

  /** What {@link #create} found or made. */
  record Created(DispatchRecord record, boolean created) {}

  /** The dispatch, if {@code principal} owns it: to anyone else it does not exist. */
  Optional<DispatchRecord> find(DispatchKey key, String principal) {
    return ledger.load(key).filter(record -> record.principal().equals(principal));
  }

  /**
   * Records the expiry of a dispatch still queued past its deadline ({@link
   * DispatchRecord#overdue}); any other stays as it is.
   */
  Moved expire(DispatchKey key, Duration retention) {
    return transition(
        key,
        record -> record.overdue(now()) ? new DispatchEvent.Expired(record.deadline()) : null,
        retention);
  }

  /**
   * Cancels a queued dispatch at once and asks a running one to stop; a finished one stays as it
   * is, and one queued past its deadline is recorded expired instead. An empty record when {@code
   * principal} does not own it.
   *
   * @param retention how long to keep the record found (its intent's {@code resultTtl}): read in
   *     the same load as the cancel, so a cancel reads the record once
   */
  Moved cancel(DispatchKey key, String principal, Function<DispatchRecord, Duration> retention) {
    Moved moved =
        transition(
            key,
            record -> {
              if (!record.principal().equals(principal)) {
                return null;
              }
              Instant now = now();
              return switch (record.status()) {
                case QUEUED ->
                    record.overdue(now)
                        ? new DispatchEvent.Expired(record.deadline())
                        : new DispatchEvent.Cancelled(now);
                case RUNNING ->
                    record.cancelRequested() ? null : new DispatchEvent.CancelRequested(now);
                default -> null;
              };
            },
            retention);
    return moved.record().filter(record -> record.principal().equals(principal)).isPresent()
        ? moved
        : new Moved(Optional.empty(), Optional.empty());
  }

  /**
   * A record after a transition, and the event the transition appended.
   *
   * @param record the record as it ends up, empty when there is none
   * @param appended the event this call appended; empty when it found nothing to do
   */
  record Moved(Optional<DispatchRecord> record, Optional<DispatchEvent> appended) {

    /** The record, when this call's event finished it: the call reports its end. */
    Optional<DispatchRecord> endedHere() {
      return appended.isPresent()
          ? record.filter(found -> found.status().finished())
          : Optional.empty();
    }
  }

  /**
   * Applies the event {@code next} chooses for the current record (null: none), retrying on
   * conflicts.
   */
  Moved transition(
      DispatchKey key, Function<DispatchRecord, DispatchEvent> next, Duration retention) {
    return transition(key, next, record -> retention);
  }

  /** The same, keeping the record as long as {@code retention} says for the record it finds. */
  private Moved transition(
      DispatchKey key,
      Function<DispatchRecord, DispatchEvent> next,
      Function<DispatchRecord, Duration> retention) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<DispatchRecord> current = ledger.load(key);
      if (current.isEmpty()) {
        return new Moved(current, Optional.empty());
      }
      DispatchEvent event = next.apply(current.get());
      if (event == null) {
        return new Moved(current, Optional.empty());
      }
      try {
        return new Moved(
            Optional.of(
                ledger.append(
                    key,
                    current,
                    event,
                    expiresAt(current.get(), event, retention.apply(current.get())))),
            Optional.of(event));
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
   * Extends the running worker's hold on {@code current} until {@code until}; false when the
   * dispatch moved on since.
   */
  boolean renewLease(DispatchRecord current, Instant until, Duration retention) {
    return ledger.renewLease(current, until, keptUntil(current, now(), retention));
  }

  static Instant expiresAt(DispatchRecord current, DispatchEvent event, Duration retention) {
    return keptUntil(current, event.at(), retention);
  }

  /**
   * How long a record written at {@code at} is kept: {@code retention} past that, and never less
   * than {@code retention} past its deadline, the retention of its first event. Each write keeps
   * the record at least as long as the one before, so no event is forgotten before a later one (a
   * table TTL would otherwise leave the queued event of a finished dispatch to be read alone).
   */
  private static Instant keptUntil(DispatchRecord current, Instant at, Duration retention) {
    return (at.isAfter(current.deadline()) ? at : current.deadline()).plus(retention);
  }
}
