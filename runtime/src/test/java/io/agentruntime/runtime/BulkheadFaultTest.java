package io.agentruntime.runtime;

import static io.agentruntime.runtime.ClosedLoopLoad.percentileMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.runtime.ClosedLoopLoad.Answer;
import io.agentruntime.runtime.testing.LoopbackServer;
import io.agentruntime.runtime.testing.Responders;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backend that fails or hangs half the time, next to a healthy one, both under concurrent load
 * through a real runtime: the flaky backend's bulkhead keeps the healthy intent fast, no dispatch
 * reaches a backend twice, and every flaky outcome is a gateway problem, never a 500.
 *
 * <p>The latency bound compares the healthy intent with its own baseline from the same run and is
 * generous (3× + 100 ms) so a noisy machine cannot fail it; without per-backend pools the healthy
 * intent's p99 would be near the flaky intent's 1.5 s timeout instead.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BulkheadFaultTest {

  private static final Duration FLAKY_TIMEOUT = Duration.ofMillis(1500);
  private static final Duration FAULT_DURATION = Duration.ofSeconds(2);
  private static final int FLAKY_CONNECTIONS = 2;
  private static final int FLAKY_PENDING = 2;
  private static final int STEADY_CALLERS = 3;
  private static final int FLAKY_CALLERS = 6;
  private static final String PROBLEMS = "https://agentruntime.io/problems/";

  @TempDir Path dir;
  private Vertx vertx;
  private ExecutorService executor;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    executor = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() throws Exception {
    executor.shutdownNow();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aFlakyBackendCannotSlowDownAnotherIntentNorGetACallTwice() throws Exception {
    try (LoopbackServer steady =
            LoopbackServer.start(vertx, Responders.after(Duration.ofMillis(2), Responders.ok()));
        LoopbackServer flaky = LoopbackServer.start(vertx, Responders.flaky());
        TestRuntime runtime =
            TestRuntime.start(
                dir, intents(steady, flaky), Map.of("allow.cedar", TestRuntime.ALLOW_ALL))) {
      ClosedLoopLoad.await(load(runtime, "steady", STEADY_CALLERS, Duration.ofMillis(300)));
      List<Answer> baseline =
          ClosedLoopLoad.await(load(runtime, "steady", STEADY_CALLERS, Duration.ofMillis(1200)));

      Future<List<Answer>> flakyLoad = load(runtime, "flaky", FLAKY_CALLERS, FAULT_DURATION);
      Future<List<Answer>> steadyLoad = load(runtime, "steady", STEADY_CALLERS, FAULT_DURATION);
      await()
          .atMost(FAULT_DURATION)
          .pollInterval(Duration.ofMillis(50))
          .until(() -> gauge(runtime, "agent_backend_in_flight", "flaky") == capacity());
      List<Answer> underFault = ClosedLoopLoad.await(steadyLoad);
      List<Answer> flakyAnswers = ClosedLoopLoad.await(flakyLoad);

      assertThat(underFault).isNotEmpty().extracting(Answer::status).containsOnly(200);
      double baselineP99 = percentileMillis(baseline, 99);
      assertThat(percentileMillis(underFault, 99))
          .as("steady p99 under fault vs baseline p99 %.1f ms", baselineP99)
          .isLessThanOrEqualTo(3 * baselineP99 + 100);
      assertFlakyOutcomesAreGatewayProblems(flakyAnswers);
      assertNoCallReachedTheBackendTwice(flakyAnswers, flaky.receivedById());
      assertOnlyTheFlakyBulkheadRejected(runtime, flakyAnswers);
    }
  }

  private static void assertFlakyOutcomesAreGatewayProblems(List<Answer> answers) {
    assertThat(answers)
        .extracting(Answer::status, Answer::problemType)
        .allSatisfy(
            outcome ->
                assertThat(outcome.toList())
                    .isIn(
                        List.of(502, PROBLEMS + "backend-error"),
                        List.of(503, PROBLEMS + "backend-saturated"),
                        List.of(504, PROBLEMS + "backend-timeout")));
    assertThat(answers).extracting(Answer::status).contains(502, 503, 504);
    assertThat(answers)
        .filteredOn(answer -> answer.status() == 503)
        .extracting(Answer::retryAfter)
        .containsOnly("1");
  }

  private static void assertNoCallReachedTheBackendTwice(
      List<Answer> answers, Map<String, Integer> received) {
    assertThat(received).isNotEmpty();
    assertThat(received.values()).containsOnly(1);
    Set<String> refused =
        answers.stream()
            .filter(answer -> answer.status() == 503)
            .map(Answer::requestId)
            .collect(Collectors.toSet());
    assertThat(received.keySet())
        .as("calls refused by the bulkhead were sent")
        .doesNotContainAnyElementsOf(refused);
    Set<String> answeredByBackend =
        answers.stream()
            .filter(answer -> answer.status() == 502)
            .map(Answer::requestId)
            .collect(Collectors.toSet());
    assertThat(received.keySet()).containsAll(answeredByBackend);
  }

  private static void assertOnlyTheFlakyBulkheadRejected(TestRuntime runtime, List<Answer> answers)
      throws Exception {
    long refused = answers.stream().filter(answer -> answer.status() == 503).count();
    await()
        .atMost(FLAKY_TIMEOUT.multipliedBy(3))
        .until(() -> gauge(runtime, "agent_backend_in_flight", "flaky") == 0);
    assertThat(gauge(runtime, "agent_backend_rejected_total", "flaky")).isEqualTo(refused);
    assertThat(gauge(runtime, "agent_backend_rejected_total", "steady")).isZero();
    assertThat(gauge(runtime, "agent_backend_in_flight", "steady")).isZero();
    assertThat(gauge(runtime, "agent_backend_pool_max_connections", "flaky"))
        .isEqualTo(FLAKY_CONNECTIONS);
  }

  private Future<List<Answer>> load(
      TestRuntime runtime, String intent, int callers, Duration duration) {
    return ClosedLoopLoad.start(executor, runtime, intent, callers, duration);
  }

  private static int capacity() {
    return FLAKY_CONNECTIONS + FLAKY_PENDING;
  }

  private static double gauge(TestRuntime runtime, String name, String intent) throws Exception {
    Matcher value =
        Pattern.compile(
                Pattern.quote(name + "{backend=\"http\",intent=\"" + intent + "\"} ") + "(\\S+)")
            .matcher(runtime.management("/metrics").body());
    assertThat(value.find()).as("%s of intent %s is exposed", name, intent).isTrue();
    return Double.parseDouble(value.group(1));
  }

  private static String intents(LoopbackServer steady, LoopbackServer flaky) {
    return """
        intents:
          - name: steady
            timeout: 5s
            backend: {type: http, url: "%s", maxConnections: 4, maxPending: 4}
          - name: flaky
            timeout: %dms
            backend: {type: http, url: "%s", maxConnections: %d, maxPending: %d}
        """
        .formatted(
            steady.url("/tool"),
            FLAKY_TIMEOUT.toMillis(),
            flaky.url("/tool"),
            FLAKY_CONNECTIONS,
            FLAKY_PENDING);
  }
}
