package io.agentruntime.cli.loadtest;

import io.agentruntime.contract.config.HttpUrls;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  private final HttpConnectOptions connect;
  private final Buffer body;
  private final TargetApi api;
  private final boolean streamed;
  private final long timeoutNanos;

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
    this.connect =
        new HttpConnectOptions()
            .setHost(target.uri().getHost())
            .setPort(HttpUrls.port(target.uri()))
            .setSsl(HttpUrls.isTls(target.uri()))
            .setConnectTimeout(target.timeout().toMillis());
    this.body = Buffer.buffer(target.body());
    this.api = target.api();
    this.streamed = target.streamed();
    this.timeoutNanos = target.timeout().toNanos();
  }

  /** Runs the stage to its end and returns what it measured. */
  LatencyRecorder run(LoadStage stage) throws InterruptedException, ExecutionException {
    if (!stage.pauseBefore().isZero()) {
      Thread.sleep(stage.pauseBefore());
    }
    LatencyRecorder recorder = new LatencyRecorder(streamed ? new StreamRecorder() : null);
    Context context = vertx.getOrCreateContext();
    Promise<Long> started = Promise.promise();
    List<Future<Void>> workers = new ArrayList<>();
    context.runOnContext(
        ignored -> {
          Schedule schedule = new Schedule(stage, System.nanoTime());
          for (int i = 0; i < stage.concurrency(); i++) {
            Promise<Void> done = Promise.promise();
            workers.add(done.future());
            next(new Worker(schedule, recorder, done));
          }
          started.complete(schedule.start);
        });
    long start = started.future().toCompletionStage().toCompletableFuture().get();
    Future.all(workers).toCompletionStage().toCompletableFuture().get();
    recorder.finished(System.nanoTime() - start);
    return recorder;
  }

  /** One worker's loop, as callbacks on the event loop: wait until due, send, then again. */
  private void next(Worker worker) {
    long due = worker.schedule.next();
    if (due == Schedule.DONE) {
      worker.done.complete();
      return;
    }
    // Timers count whole milliseconds: rounding down sends up to 1 ms early, never late, and an
    // early request's latency runs from when it was sent, so the rounding adds nothing to it.
    long waitMillis = TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime());
    if (waitMillis >= 1) {
      vertx.setTimer(waitMillis, id -> send(worker, due));
    } else {
      send(worker, due);
    }
  }

  private void send(Worker worker, long due) {
    long now = System.nanoTime();
    long from = worker.schedule.openLoop && due - now < 0 ? due : now;
    worker
        .connection()
        .compose(connection -> connection.request(request))
        .compose(outgoing -> outgoing.send(body))
        .compose(response -> read(worker, response, now))
        .onComplete(
            answer -> {
              if (answer.succeeded()) {
                record(worker, answer.result(), from);
              } else {
                worker.reconnect();
                if (answer.cause() instanceof TimeoutException) {
                  worker.recorder.timedOut();
                } else {
                  worker.recorder.failed();
                }
              }
              next(worker);
            });
  }

  /**
   * A worker owns one keep-alive connection and writes to it directly: borrowing a pooled
   * connection for every request would cost the generator CPU the server under test needs.
   */
  private final class Worker {
    final Schedule schedule;
    final LatencyRecorder recorder;
    final Promise<Void> done;
    private Future<HttpClientConnection> connection;

    Worker(Schedule schedule, LatencyRecorder recorder, Promise<Void> done) {
      this.schedule = schedule;
      this.recorder = recorder;
      this.done = done;
    }

    /** The worker's connection, opened again once the server has closed it. */
    Future<HttpClientConnection> connection() {
      if (connection == null) {
        Future<HttpClientConnection> opening = client.connect(connect);
        connection = opening;
        opening.onSuccess(
            opened ->
                opened.closeHandler(
                    closed -> {
                      if (connection == opening) {
                        connection = null;
                      }
                    }));
      }
      return connection;
    }

    /** After a failure the connection may be gone: the next request opens a new one. */
    void reconnect() {
      if (connection != null) {
        Future<HttpClientConnection> old = connection;
        connection = null;
        old.onSuccess(HttpClientConnection::close);
      }
    }
  }

  private void record(Worker worker, Answer answer, long from) {
    long end = System.nanoTime();
    if (answer.stream() == null) {
      worker.recorder.answered(answer.status(), end - from);
      return;
    }
    if (!answer.stream().completed()) {
      worker.reconnect();
    }
    worker.recorder.streamed(answer.stream(), from, end);
  }

  /** An answer as read: its status, and the stream when a 2xx answer to a streamed request. */
  private record Answer(int status, StreamReader.StreamRead stream) {}

  /**
   * Reads the answer to its end. Vert.x's request timeout stops at the response head, so the rest
   * of {@code --timeout} is a timer of its own: a server that sends a head and then stalls, or a
   * stream that never ends, counts as a timeout rather than holding its worker forever.
   */
  private Future<Answer> read(Worker worker, HttpClientResponse response, long sentNanos) {
    if ("close".equalsIgnoreCase(response.getHeader(HttpHeaders.CONNECTION))) {
      // the server closes after this answer: the next request must not find the old connection
      worker.reconnect();
    }
    long left = TimeUnit.NANOSECONDS.toMillis(timeoutNanos - (System.nanoTime() - sentNanos));
    boolean[] late = new boolean[1];
    long timer =
        vertx.setTimer(
            Math.max(left, 1),
            id -> {
              late[0] = true;
              worker.reconnect();
            });
    Future<Answer> answer = readBody(response);
    return answer.transform(
        read -> {
          vertx.cancelTimer(timer);
          return late[0]
              ? Future.failedFuture(new TimeoutException("not read within --timeout"))
              : answer;
        });
  }

  private Future<Answer> readBody(HttpClientResponse response) {
    int status = response.statusCode();
    if (!streamed || status < 200 || status > 299) {
      // errors before the first piece are ordinary answers, counted by status
      return response.end().map(ignored -> new Answer(status, null));
    }
    StreamReader reader = new StreamReader(api);
    String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
      reader.notAStream(type);
    }
    // pieces are read and timed as they arrive; no more than the current line is kept
    response.handler(reader::feed);
    return response
        .end()
        .transform(
            ended -> Future.succeededFuture(new Answer(status, reader.finish(ended.cause()))));
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
