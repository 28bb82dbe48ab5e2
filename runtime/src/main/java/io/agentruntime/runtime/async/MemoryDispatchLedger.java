package io.agentruntime.runtime.async;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dispatch records in this process (local mode): lost on restart, invisible to other processes.
 * Records past their retention are dropped when next touched and by {@link #forgetExpired}.
 */
public final class MemoryDispatchLedger implements DispatchLedger {

  private record Entry(DispatchRecord record, List<DispatchEvent> events, Instant expiresAt) {}

  private final Map<DispatchKey, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public MemoryDispatchLedger(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Optional<DispatchRecord> load(DispatchKey key) {
    return live(key).map(Entry::record);
  }

  @Override
  public DispatchRecord append(
      DispatchKey key, Optional<DispatchRecord> current, DispatchEvent event, Instant expiresAt) {
    long expected = current.map(DispatchRecord::version).orElse(0L);
    Entry next =
        entries.compute(
            key,
            (k, entry) -> {
              Entry live =
                  entry != null && entry.expiresAt().isAfter(clock.instant()) ? entry : null;
              long version = live == null ? 0 : live.record().version();
              if (version != expected) {
                throw new DispatchConflictException(key);
              }
              List<DispatchEvent> events =
                  live == null ? new ArrayList<>() : new ArrayList<>(live.events());
              events.add(event);
              DispatchRecord record =
                  live == null
                      ? DispatchRecord.queued(key, (DispatchEvent.Queued) event)
                      : live.record().apply(event);
              return new Entry(record, List.copyOf(events), expiresAt);
            });
    return next.record();
  }

  @Override
  public boolean renewLease(DispatchRecord current, Instant until, Instant expiresAt) {
    boolean[] renewed = {false};
    entries.computeIfPresent(
        current.key(),
        (k, entry) -> {
          if (entry.record().version() != current.version()) {
            return entry;
          }
          renewed[0] = true;
          return new Entry(entry.record().leasedUntil(until), entry.events(), expiresAt);
        });
    return renewed[0];
  }

  @Override
  public List<DispatchEvent> events(DispatchKey key) {
    return live(key).map(Entry::events).orElse(List.of());
  }

  /** Drops every record past its retention. */
  public void forgetExpired() {
    Instant now = clock.instant();
    entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
  }

  private Optional<Entry> live(DispatchKey key) {
    Entry entry = entries.get(key);
    if (entry == null || entry.expiresAt().isAfter(clock.instant())) {
      return Optional.ofNullable(entry);
    }
    entries.remove(key, entry);
    return Optional.empty();
  }
}
