package io.agentruntime.runtime.backend;

import io.agentruntime.runtime.metrics.PoolUsage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Admission to one backend: at most {@code maxConnections} calls hold a pooled connection and at
 * most {@code maxPending} more wait for one. A call beyond that is rejected before anything is
 * sent, so a hung backend can only ever tie up its own bounded share of the pod.
 */
public final class Bulkhead implements PoolUsage {

  private final int maxConnections;
  private final int maxPending;
  private final int capacity;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final LongAdder rejected = new LongAdder();

  /**
   * @param maxConnections size of the backend's connection pool, positive
   * @param maxPending calls that may wait for a pooled connection, positive
   */
  public Bulkhead(int maxConnections, int maxPending) {
    if (maxConnections <= 0 || maxPending <= 0) {
      throw new IllegalArgumentException(
          "maxConnections and maxPending must be positive, got "
              + maxConnections
              + " and "
              + maxPending);
    }
    this.maxConnections = maxConnections;
    this.maxPending = maxPending;
    this.capacity = (int) Math.min(Integer.MAX_VALUE, (long) maxConnections + maxPending);
  }

  /**
   * Admits one call when there is room; every admitted call must be {@link #release() released}
   * once. A refused call is counted as rejected.
   */
  boolean tryAcquire() {
    int current;
    do {
      current = inFlight.get();
      if (current >= capacity) {
        rejected.increment();
        return false;
      }
    } while (!inFlight.compareAndSet(current, current + 1));
    return true;
  }

  void release() {
    inFlight.decrementAndGet();
  }

  /** Counts a call the connection pool itself refused (its wait queue was full). */
  void countRejected() {
    rejected.increment();
  }

  /** Calls admitted and not finished: holding a connection or waiting for one. */
  @Override
  public int inFlight() {
    return inFlight.get();
  }

  /** Calls refused since start because the bulkhead was full. */
  @Override
  public long rejected() {
    return rejected.sum();
  }

  @Override
  public int maxConnections() {
    return maxConnections;
  }

  public int maxPending() {
    return maxPending;
  }

  /** Calls admitted at most at once: the pool plus its wait queue. */
  public int capacity() {
    return capacity;
  }
}
