package io.agentruntime.runtime.http;

import io.vertx.core.Context;
import java.util.ArrayDeque;

/**
 * The body deadlines of one reader on one event loop, kept by one periodic check instead of a timer
 * per request. A timer costs a scheduled task, a close hook on the verticle and a cancellation,
 * each time, for a deadline that nearly every request meets; a deadline here costs a queue entry.
 * Every body on the loop has the same timeout, so arrival order is deadline order: the check looks
 * at the oldest deadlines only and stops at the first one still running. A body is refused between
 * its deadline and one tick later (a tenth of the timeout, within 10 ms and 1 s). The check runs
 * only while deadlines are pending.
 *
 * <p>A cancelled deadline lets go of what it would have called at once, so a body that stays slow
 * at the head of the queue holds only the small entries queued behind it, never their requests.
 */
final class BodyDeadlines {

  /** A deadline being kept; {@link #cancel} it once the body has arrived. */
  static final class Deadline {
    private final long dueNanos;
    private Runnable onTimeout;

    private Deadline(long dueNanos, Runnable onTimeout) {
      this.dueNanos = dueNanos;
      this.onTimeout = onTimeout;
    }

    void cancel() {
      onTimeout = null;
    }

    private boolean cancelled() {
      return onTimeout == null;
    }
  }

  /** Past this many queued deadlines, a check drops every cancelled one, not only the oldest. */
  private static final int COMPACT_ABOVE = 4096;

  private final Context context;
  private final long timeoutNanos;
  private final long tickMillis;
  private final ArrayDeque<Deadline> deadlines = new ArrayDeque<>();
  private long timerId = -1;

  /** Deadlines on {@code context}'s event loop, each {@code timeoutMillis} after its start. */
  BodyDeadlines(Context context, long timeoutMillis) {
    this.context = context;
    this.timeoutNanos = timeoutMillis * 1_000_000;
    this.tickMillis = Math.clamp(timeoutMillis / 10, 10, 1000);
  }

  /** Whether these are the deadlines of {@code context}'s loop, where they must be started. */
  boolean keptOn(Context context) {
    return this.context == context;
  }

  /** Runs {@code onTimeout} once the timeout has passed, unless the deadline is cancelled first. */
  Deadline start(Runnable onTimeout) {
    dropCancelledOldest();
    Deadline deadline = new Deadline(System.nanoTime() + timeoutNanos, onTimeout);
    deadlines.addLast(deadline);
    if (timerId < 0) {
      timerId = context.owner().setPeriodic(tickMillis, id -> check());
    }
    return deadline;
  }

  private void check() {
    long now = System.nanoTime();
    dropCancelledOldest();
    while (!deadlines.isEmpty() && deadlines.peekFirst().dueNanos - now <= 0) {
      Runnable onTimeout = deadlines.pollFirst().onTimeout;
      if (onTimeout != null) {
        onTimeout.run();
      }
      dropCancelledOldest();
    }
    if (deadlines.size() > COMPACT_ABOVE) {
      deadlines.removeIf(Deadline::cancelled);
    }
    if (deadlines.isEmpty()) {
      context.owner().cancelTimer(timerId);
      timerId = -1;
    }
  }

  private void dropCancelledOldest() {
    while (!deadlines.isEmpty() && deadlines.peekFirst().cancelled()) {
      deadlines.pollFirst();
    }
  }
}
