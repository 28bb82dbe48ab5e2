package io.agentruntime.runtime.governance;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * Writes each event's message as one line to standard output, in batches: callers only enqueue, and
 * one daemon thread writes whatever has accumulated every {@code flushIntervalMillis}.
 *
 * <p>The decision log produces a line per request. Logback's AsyncAppender wakes its worker for
 * each line and its ConsoleAppender issues one {@code write} per line, which cost a fifth of the
 * runtime's CPU at full load; here a busy second costs about ten writes. Lines reach the output at
 * most one interval late, in order. Past {@code maxPendingLines} lines are dropped and counted
 * rather than block an event loop, and reported as a warning; {@link #stop()} writes everything
 * still queued.
 */
public final class BatchedLineAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pendingCount = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private OutputStream out = new FileOutputStream(FileDescriptor.out);
  private long flushIntervalMillis = 100;
  private int maxPendingLines = 100_000;
  private volatile Thread writer;

  public void setFlushIntervalMillis(long flushIntervalMillis) {
    this.flushIntervalMillis = flushIntervalMillis;
  }

  public void setMaxPendingLines(int maxPendingLines) {
    this.maxPendingLines = maxPendingLines;
  }

  /** Where the lines go; standard output unless set before {@link #start()}. */
  void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void start() {
    out = new BufferedOutputStream(out, 64 * 1024);
    super.start();
    writer = Thread.ofPlatform().daemon().name("decision-log-writer").start(this::writeLoop);
  }

  @Override
  public void stop() {
    super.stop();
    Thread running = writer;
    if (running != null) {
      LockSupport.unpark(running);
      try {
        running.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    writePending();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (pendingCount.incrementAndGet() > maxPendingLines) {
      pendingCount.decrementAndGet();
      dropped.incrementAndGet();
      return;
    }
    pending.add(event.getFormattedMessage());
  }

  private void writeLoop() {
    while (isStarted()) {
      LockSupport.parkNanos(flushIntervalMillis * 1_000_000);
      writePending();
    }
  }

  private synchronized void writePending() {
    long lost = dropped.getAndSet(0);
    if (lost > 0) {
      LoggerFactory.getLogger(BatchedLineAppender.class)
          .warn("dropped {} decision log lines: the output could not keep up", lost);
    }
    try {
      for (String line = pending.poll(); line != null; line = pending.poll()) {
        pendingCount.decrementAndGet();
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      addError("cannot write decision log lines", e);
    }
  }
}
