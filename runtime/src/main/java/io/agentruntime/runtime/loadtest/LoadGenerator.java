package io.agentruntime.runtime.loadtest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a stage's requests from {@code concurrency} workers, each on its own keep-alive connection,
 * all driven by one Vert.x event loop so the generator costs little CPU next to the server it
 * loads.
 *
 * <p>Closed loop: a worker sends its next request as soon as the previous one was answered, and
 * latency runs from send to answer. Open loop: request {@code i} is due at {@code start + i / rate}
 * and its latency runs from that due time, so when every worker is stuck behind a slow answer the
 * requests that should have gone out meanwhile are charged the wait (no coordinated omission).
 */
final class LoadGenerator implements AutoCloseable {
  private final Vertx vertx;
  private final HttpClientAgent client;
  private final RequestOptions request;
  private final Buffer body;

  LoadGenerator(LoadTarget target, int maxConcurrency) {
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout((int) target.timeout().toMillis()),
            new PoolOptions().setHttp1MaxSize(maxConcurrency));
    this.request =
        new RequestOptions()
            .setAbsoluteURI(target.uri().toString())
            .setMethod(HttpMethod.valueOf(target.method()))
            .setTimeout(target.timeout().toMillis());
    target.headers().forEach(header -> request.addHeader(header.getKey(), header.getValue()));
    this.body = Buffer.buffer(target.body());
  }

  /** Runs the stage to its end and returns what it measured. */
  LatencyRecorder run(LoadStage stage) throws InterruptedException, ExecutionException {
    if (!stage.pauseBefore().isZero()) {
      Thread.sleep(stage.pauseBefore());
    }
    LatencyRecorder recorder = new LatencyRecorder();
    Context context = vertx.getOrCreateContext();
    Promise<Long> started = Promise.promise();
    List<Future<Void>> workers = new ArrayList<>();
    context.runOnContext(
        ignored -> {
          Schedule schedule = new Schedule(stage, System.nanoTime());
          for (int i = 0; i < stage.concurrency(); i++) {
            Promise<Void> done = Promise.promise();
            workers.add(done.future());
            next(schedule, recorder, done);
          }
          started.complete(schedule.start);
        });
    long start = started.future().toCompletionStage().toCompletableFuture().get();
    Future.all(workers).toCompletionStage().toCompletableFuture().get();
    recorder.finished(System.nanoTime() - start);
    return recorder;
  }

  /** One worker's loop, as callbacks on the event loop: wait until due, send, then again. */
  private void next(Schedule schedule, LatencyRecorder recorder, Promise<Void> done) {
    long due = schedule.next();
    if (due == Schedule.DONE) {
      done.complete();
      return;
    }
    // Timers count whole milliseconds: rounding down sends up to 1 ms early, never late, and an
    // early request's latency runs from when it was sent, so the rounding adds nothing to it.
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime());
    if (waitMillis >= 1) {
      vertx.setTimer(waitMillis, id -> send(schedule, due, recorder, done));
    } else {
      send(schedule, due, recorder, done);
    }
  }

  private void send(Schedule schedule, long due, LatencyRecorder recorder, Promise<Void> done) {
    long now = System.nanoTime();
    long from = schedule.openLoop && due - now < 0 ? due : now;
    client
        .request(request)
        .compose(outgoing -> outgoing.send(body))
        .compose(LoadGenerator::readAll)
        .onComplete(
            answer -> {
              if (answer.succeeded()) {
                recorder.answered(answer.result(), System.nanoTime() - from);
              } else if (answer.cause() instanceof TimeoutException) {
                recorder.timedOut();
              } else {
                recorder.failed();
              }
              next(schedule, recorder, done);
            });
  }

  private static Future<Integer> readAll(HttpClientResponse response) {
    return response.end().map(ignored -> response.statusCode());
  }

  @Override
  public void close() throws InterruptedException, ExecutionException {
    vertx.close().toCompletionStage().toCompletableFuture().get();
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
    private long issued;

    Schedule(LoadStage stage, long start) {
      this.start = start;
      this.openLoop = stage.openLoop();
      this.requests = stage.requests();
      this.bounded = !stage.duration().isZero();
      this.deadline = start + stage.duration().toNanos();
      this.intervalNanos = openLoop ? TimeUnit.SECONDS.toNanos(1) / stage.ratePerSecond() : 0;
    }

    /** The next request's due time (now, in closed loop), or {@link #DONE}. Event loop only. */
    long next() {
      if (issued >= requests) {
        return DONE;
      }
      long index = issued++;
      long due = openLoop ? start + (long) (index * intervalNanos) : System.nanoTime();
      return bounded && due - deadline >= 0 ? DONE : due;
    }
  }
}
