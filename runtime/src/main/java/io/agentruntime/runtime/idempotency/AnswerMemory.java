package io.agentruntime.runtime.idempotency;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The answers one pod keeps for {@code Idempotency-Key} replays, bounded by bytes, with a quota per
 * principal so that no caller can push out another's.
 *
 * <p>An answer counts from the moment it is known (a request still running weighs nothing and is
 * never dropped, so it cannot run twice) until its window ends. A principal over its quota loses
 * its own oldest answers; when all principals together exceed the total, the principal holding the
 * most loses its oldest. A caller flooding keys therefore only ever displaces its own answers, and
 * a caller within its fair share of the total never loses one to another caller.
 *
 * <p>Thread-safe: each operation takes one lock for a few map updates.
 *
 * @param <T> the remembered answer
 */
final class AnswerMemory<T> {

  /** What an entry costs besides its answer: keys, digest, map and list nodes. */
  static final int ENTRY_OVERHEAD = 256;

  /** One key's answer, pending or known. */
  static final class Entry<T> {
    private final String principal;
    private final String key;
    private final byte[] bodyDigest;
    private final Future<T> answer;
    private long weight;
    private long expiresAtNanos;
    private boolean kept;
    private boolean tooLarge;

    private Entry(String principal, String key, byte[] bodyDigest, Future<T> answer) {
      this.principal = principal;
      this.key = key;
      this.bodyDigest = bodyDigest;
      this.answer = answer;
    }

    byte[] bodyDigest() {
      return bodyDigest;
    }

    Future<T> answer() {
      return answer;
    }

    /** The request ran, but its answer was larger than {@code idempotency.maxReplySize}. */
    boolean tooLarge() {
      return tooLarge;
    }
  }

  /**
   * The outcome of {@link #claim}.
   *
   * @param entry the entry now holding the key
   * @param first whether the caller's entry is it (the caller runs the request)
   */
  record Claim<T>(Entry<T> entry, boolean first) {}

  /** The kept answers of one principal, oldest first. */
  private static final class Ledger<T> {
    private final String principal;
    private final LinkedHashSet<Entry<T>> entries = new LinkedHashSet<>();
    private long bytes;

    private Ledger(String principal) {
      this.principal = principal;
    }
  }

  private final long maxBytes;
  private final long maxBytesPerPrincipal;
  private final long maxReplySize;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Entry<T>> entries = new HashMap<>();
  private final Map<String, Ledger<T>> ledgers = new HashMap<>();
  private final TreeSet<Ledger<T>> heaviestFirst =
      new TreeSet<>(
          Comparator.comparingLong((Ledger<T> ledger) -> ledger.bytes)
              .reversed()
              .thenComparing(ledger -> ledger.principal));
  private final LinkedHashSet<Entry<T>> oldestFirst = new LinkedHashSet<>();
  private long bytes;

  AnswerMemory(
      long maxBytes,
      long maxBytesPerPrincipal,
      long maxReplySize,
      long windowNanos,
      LongSupplier nanoClock) {
    this.maxBytes = maxBytes;
    this.maxBytesPerPrincipal = maxBytesPerPrincipal;
    this.maxReplySize = maxReplySize;
    this.windowNanos = windowNanos;
    this.nanoClock = nanoClock;
  }

  /** Registers a pending answer for the key unless a live entry holds it already. */
  synchronized Claim<T> claim(
      String principal, String key, byte[] bodyDigest, Future<T> pendingAnswer) {
    dropExpired();
    String scoped = principal + '\n' + key;
    Entry<T> existing = entries.get(scoped);
    if (existing != null) {
      return new Claim<>(existing, false);
    }
    Entry<T> mine = new Entry<>(principal, key, bodyDigest, pendingAnswer);
    entries.put(scoped, mine);
    return new Claim<>(mine, true);
  }

  /**
   * Keeps {@code entry}'s answer of {@code size} bytes for the window; one over {@code
   * idempotency.maxReplySize} is dropped and only its key is kept, so a repeat is refused rather
   * than run again.
   */
  synchronized void keep(Entry<T> entry, long size) {
    if (entries.get(entry.principal + '\n' + entry.key) != entry) {
      return;
    }
    entry.tooLarge = size > maxReplySize;
    entry.weight =
        ENTRY_OVERHEAD
            + 2L * (entry.principal.length() + entry.key.length())
            + (entry.tooLarge ? 0 : size);
    entry.expiresAtNanos = nanoClock.getAsLong() + windowNanos;
    entry.kept = true;
    Ledger<T> ledger = ledgers.computeIfAbsent(entry.principal, Ledger::new);
    heaviestFirst.remove(ledger);
    ledger.entries.add(entry);
    ledger.bytes += entry.weight;
    heaviestFirst.add(ledger);
    oldestFirst.add(entry);
    bytes += entry.weight;
    while (ledger.bytes > maxBytesPerPrincipal && ledger.entries.size() > 1) {
      drop(ledger.entries.getFirst());
    }
    while (bytes > maxBytes && !heaviestFirst.isEmpty()) {
      drop(heaviestFirst.getFirst().entries.getFirst());
    }
  }

  /** Forgets {@code entry}: its answer said nothing ran, or it failed; a retry must run. */
  synchronized void forget(Entry<T> entry) {
    if (entry.kept) {
      drop(entry);
    } else {
      entries.remove(entry.principal + '\n' + entry.key, entry);
    }
  }

  /** Bytes the kept answers take, overhead included. */
  synchronized long bytes() {
    return bytes;
  }

  private void dropExpired() {
    long now = nanoClock.getAsLong();
    Iterator<Entry<T>> oldest = oldestFirst.iterator();
    while (oldest.hasNext()) {
      Entry<T> entry = oldest.next();
      if (entry.expiresAtNanos - now > 0) {
        return;
      }
      oldest.remove();
      unlink(entry);
    }
  }

  private void drop(Entry<T> entry) {
    oldestFirst.remove(entry);
    unlink(entry);
  }

  /** Removes a kept entry from everything but {@link #oldestFirst}. */
  private void unlink(Entry<T> entry) {
    entries.remove(entry.principal + '\n' + entry.key, entry);
    Ledger<T> ledger = ledgers.get(entry.principal);
    heaviestFirst.remove(ledger);
    ledger.entries.remove(entry);
    ledger.bytes -= entry.weight;
    bytes -= entry.weight;
    if (ledger.entries.isEmpty()) {
      ledgers.remove(entry.principal);
    } else {
      heaviestFirst.add(ledger);
    }
  }
}
