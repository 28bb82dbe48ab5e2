package io.agentruntime.runtime;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A closed-loop load on one intent: a fixed number of callers, each sending its next dispatch as
 * soon as the previous one was answered, for a bounded time. Callers back off briefly after a 503,
 * as a well-behaved client would, so refused calls do not turn into a busy loop.
 */
final class ClosedLoopLoad {

  /** One answer as the caller saw it. */
  record Answer(String requestId, int status, String problemType, String retryAfter, long nanos) {}

  private static final Duration BACK_OFF = Duration.ofMillis(20);

  /** Numbers the loads of one JVM so every dispatch has its own request id. */
  private static final AtomicInteger LOADS = new AtomicInteger();

  private ClosedLoopLoad() {}

  /** Starts {@code callers} callers on {@code intent}; each stops once {@code duration} passed. */
  static Future<List<Answer>> start(
      ExecutorService executor,
      TestRuntime runtime,
      String intent,
      int callers,
      Duration duration) {
    return executor.submit(
        () -> {
          long deadline = System.nanoTime() + duration.toNanos();
          int load = LOADS.incrementAndGet();
          List<Future<List<Answer>>> loops = new ArrayList<>();
          try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int caller = 0; caller < callers; caller++) {
              String prefix = intent + "-" + load + "-" + caller + "-";
              loops.add(threads.submit(() -> loop(runtime, intent, prefix, deadline)));
            }
          }
          List<Answer> answers = new ArrayList<>();
          for (Future<List<Answer>> loop : loops) {
            answers.addAll(loop.get());
          }
          return answers;
        });
  }

  private static List<Answer> loop(TestRuntime runtime, String intent, String prefix, long deadline)
      throws Exception {
    String body =
        new JsonObject()
            .put("intent", intent)
            .put("context", new JsonObject().put("user_id", "ann"))
            .encode();
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = runtime.post("/dispatch", body, "x-request-id", prefix + i);
      long nanos = System.nanoTime() - start;
      // The runtime's own id: the one it forwards to the backend.
      String requestId = response.headers().firstValue("x-request-id").orElseThrow();
      String type =
          response.statusCode() == 200 ? null : new JsonObject(response.body()).getString("type");
      answers.add(
          new Answer(
              requestId,
              response.statusCode(),
              type,
              response.headers().firstValue("retry-after").orElse(null),
              nanos));
      if (response.statusCode() == 503) {
        LockSupport.parkNanos(BACK_OFF.toNanos());
      }
    }
    return answers;
  }

  /** The {@code percentile} (0-100) of the answers' latencies, in milliseconds. */
  static double percentileMillis(List<Answer> answers, double percentile) {
    long[] nanos = answers.stream().mapToLong(Answer::nanos).toArray();
    Arrays.sort(nanos);
    int rank = (int) Math.ceil(percentile / 100 * nanos.length);
    return nanos[Math.max(0, rank - 1)] / 1e6;
  }

  static List<Answer> await(Future<List<Answer>> load) throws Exception {
    return load.get(30, TimeUnit.SECONDS);
  }
}
