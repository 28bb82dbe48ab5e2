package io.agentruntime.runtime.loadtest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a stage's requests from {@code concurrency} workers, each on its own connection.
 *
 * <p>Closed loop: a worker sends its next request as soon as the previous one was answered, and
 * latency runs from send to answer. Open loop: request {@code i} is due at {@code start + i / rate}
 * and its latency runs from that due time, so when every worker is stuck behind a slow answer the
 * requests that should have gone out meanwhile are charged the wait (no coordinated omission).
 */
final class LoadGenerator implements AutoCloseable {
  private final HttpClient client;
  private final LoadTarget target;

  LoadGenerator(LoadTarget target) {
    this.target = target;
    // HTTP/1.1 as hey and wrk speak it: one request at a time per connection, no h2c upgrade.
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(target.timeout())
            .build();
  }

  /** Runs the stage to its end and returns what it measured. */
  LatencyRecorder run(LoadStage stage) throws InterruptedException {
    pause(stage);
    LatencyRecorder recorder = new LatencyRecorder();
    Schedule schedule = new Schedule(stage, System.nanoTime());
    List<Thread> workers = new ArrayList<>(stage.concurrency());
    for (int i = 0; i < stage.concurrency(); i++) {
      workers.add(Thread.ofVirtual().name("load-", i).start(() -> work(schedule, recorder)));
    }
    for (Thread worker : workers) {
      worker.join();
    }
    recorder.finished(System.nanoTime() - schedule.start);
    return recorder;
  }

  private static void pause(LoadStage stage) throws InterruptedException {
    if (!stage.pauseBefore().isZero()) {
      Thread.sleep(stage.pauseBefore());
    }
  }

  private void work(Schedule schedule, LatencyRecorder recorder) {
    long due;
    while ((due = schedule.next()) != Schedule.DONE) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      long sent = System.nanoTime();
      long from = schedule.openLoop ? due : sent;
      try {
        HttpResponse<Void> response =
            client.send(target.request(), HttpResponse.BodyHandlers.discarding());
        recorder.answered(response.statusCode(), System.nanoTime() - from);
      } catch (HttpTimeoutException e) {
        recorder.timedOut();
      } catch (IOException e) {
        recorder.failed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    client.close();
  }

  /** Hands out request slots in order; in open loop each slot has a due time. */
  private static final class Schedule {
    static final long DONE = Long.MIN_VALUE;

    final long start;
    final boolean openLoop;
    private final long requests;
    private final boolean bounded;
    private final long deadline;
    private final double intervalNanos;
    private final AtomicLong issued = new AtomicLong();

    Schedule(LoadStage stage, long start) {
      this.start = start;
      this.openLoop = stage.openLoop();
      this.requests = stage.requests();
      this.bounded = !stage.duration().isZero();
      this.deadline = start + stage.duration().toNanos();
      this.intervalNanos = openLoop ? TimeUnit.SECONDS.toNanos(1) / stage.ratePerSecond() : 0;
    }

    /** The next request's due time (now, in closed loop), or {@link #DONE}. */
    long next() {
      long index = issued.getAndIncrement();
      if (index >= requests) {
        return DONE;
      }
      long due = openLoop ? start + (long) (index * intervalNanos) : System.nanoTime();
      return bounded && due - deadline >= 0 ? DONE : due;
    }
  }
}
