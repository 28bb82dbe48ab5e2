package io.agentruntime.runtime.coordination;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a warning through at most once per interval: an outage of a shared store fails every
 * request, and one line per interval says so without flooding the log.
 */
public final class PeriodicWarning {

  private static final long INTERVAL_NANOS = 30_000_000_000L;

  private final AtomicLong last = new AtomicLong(System.nanoTime() - INTERVAL_NANOS);

  /** Runs {@code warning} unless one ran within the interval. */
  public void warn(Runnable warning) {
    long now = System.nanoTime();
    long previous = last.get();
    if (now - previous >= INTERVAL_NANOS && last.compareAndSet(previous, now)) {
      warning.run();
    }
  }
}
