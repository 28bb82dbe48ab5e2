package io.agentruntime.runtime.async;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where dispatch records live: each dispatch's events, appended and never changed, and a projection
 * of its current state written with each append. Every write is conditional on the version the
 * writer read, so two writers never both move a dispatch on: the second gets {@link
 * DispatchConflictException} and reads again. Calls block: make them off event loops.
 *
 * @see MemoryDispatchLedger
 * @see DynamoDbDispatchLedger
 */
public interface DispatchLedger extends AutoCloseable {

  /**
   * The dispatch's current state, empty when unknown or past its retention.
   *
   * @throws DispatchStoreException when the store cannot be read
   */
  Optional<DispatchRecord> load(DispatchKey key);

  /**
   * Appends {@code event} after {@code current} (empty: the dispatch's first event) and stores the
   * resulting state.
   *
   * @param expiresAt when the records may be forgotten
   * @return the state after the event
   * @throws DispatchConflictException when another write came first
   * @throws DispatchStoreException when the store cannot be written
   */
  DispatchRecord append(
      DispatchKey key, Optional<DispatchRecord> current, DispatchEvent event, Instant expiresAt);

  /**
   * Extends the running worker's hold on {@code current}; false when the dispatch moved on since.
   *
   * @throws DispatchStoreException when the store cannot be written
   */
  boolean renewLease(DispatchRecord current, Instant until, Instant expiresAt);

  /**
   * Every event of the dispatch, in order.
   *
   * @throws DispatchStoreException when the store cannot be read
   */
  List<DispatchEvent> events(DispatchKey key);

  @Override
  default void close() {}
}
