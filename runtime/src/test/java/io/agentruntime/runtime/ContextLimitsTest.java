package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.governance.DecisionLog;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * A context is what every decision converts and evaluates: one of a megabyte used to cost up to a
 * second of event-loop CPU. Past {@code governance.context} it is refused while it is being read,
 * so eight clients sending such bodies get fast answers and {@code /healthz} stays answerable.
 */
class ContextLimitsTest {

  private static final String MEGABYTE_STRING =
      "{\"user_id\": \"t\", \"blob\": \"" + "x".repeat(1_000_000) + "\"}";
  private static final String HALF_MILLION_ELEMENTS =
      "{\"user_id\": \"t\", \"list\": [" + "0,".repeat(499_999) + "0]}";
  private static final String HUNDRED_THOUSAND_KEYS = hundredThousandKeys();

  // Eight clients upload a megabyte each at once: give the bodies time to arrive on two cores.
  @RegisterExtension
  static final ServingRuntime serving =
      ServingRuntime.withConfig(
          TestRuntime.baseConfig().replace("requestTimeout: 1s", "requestTimeout: 10s")
              + TestRuntime.ECHO_INTENTS);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a megabyte string        | 0 | larger than 65536 bytes (governance.context.maxBytes)
          500,000 array elements   | 1 | more than 1000 members (governance.context.maxMembers)
          110,000 keys             | 2 | more than 1000 members (governance.context.maxMembers)
          """)
  void aContextPastItsLimitsIsRefusedNamingTheLimit(String shape, int index, String detail)
      throws Exception {
    HttpResponse<String> response =
        serving.runtime().post("/dispatch", body(contexts().get(index)));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(ProblemAssert.isProblem(response, "context-too-large").getString("detail"))
        .contains(detail);
  }

  @Test
  void aContextWithinItsLimitsIsDecided() throws Exception {
    String context = "{\"user_id\": \"t\", \"list\": [" + "1,".repeat(990) + "1]}";

    assertThat(serving.runtime().post("/dispatch", body(context)).statusCode()).isEqualTo(200);
  }

  @Test
  void aLargeContextIsDecidedOnAWorkerASmallOneOnTheEventLoop() throws Exception {
    ListAppender<ILoggingEvent> decisions =
        new ListAppender<>() {
          @Override
          protected void append(ILoggingEvent event) {
            event.getThreadName(); // read on the deciding thread: logback fills it in lazily
            super.append(event);
          }
        };
    decisions.start();
    Logger decisionLogger = (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
    decisionLogger.addAppender(decisions);
    try {
      String large = "{\"user_id\": \"t\", \"list\": [" + "1,".repeat(499) + "1]}";
      serving
          .runtime()
          .post("/v1/decisions", body("{\"user_id\": \"t\"}"), "x-request-id", "small");
      serving.runtime().post("/v1/decisions", body(large), "x-request-id", "large");
    } finally {
      decisionLogger.detachAppender(decisions);
    }

    assertThat(decidingThread(decisions, "small")).startsWith("vert.x-eventloop-thread");
    assertThat(decidingThread(decisions, "large")).startsWith("vert.x-worker-thread");
  }

  private static String decidingThread(ListAppender<ILoggingEvent> decisions, String clientId) {
    return decisions.list.stream()
        .filter(
            event ->
                clientId.equals(
                    new JsonObject(event.getFormattedMessage()).getString("clientRequestId")))
        .map(ILoggingEvent::getThreadName)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void eightClientsSendingHugeContextsLeaveHealthAnswerable() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(9);
    long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
    List<Long> refusalMillis = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> flood = new ArrayList<>();
      for (int client = 0; client < 8; client++) {
        String body = body(contexts().get(client % 3));
        flood.add(clients.submit(() -> refuseUntil(deadline, body, refusalMillis)));
      }
      List<Long> healthMillis =
          clients.submit(() -> pollHealthUntil(deadline)).get(30, TimeUnit.SECONDS);
      for (Future<?> client : flood) {
        client.get(30, TimeUnit.SECONDS);
      }

      assertThat(healthMillis)
          .isNotEmpty()
          .allSatisfy(millis -> assertThat(millis).isLessThan(2_000));
      assertThat(refusalMillis).hasSizeGreaterThan(8);
      Collections.sort(refusalMillis);
      assertThat(refusalMillis.get(refusalMillis.size() / 2))
          .as("median refusal, ms (a megabyte context used to cost up to a second of CPU)")
          .isLessThan(1_000);
    } finally {
      clients.shutdownNow();
    }
  }

  private static Void refuseUntil(long deadline, String body, List<Long> refusalMillis)
      throws Exception {
    while (System.nanoTime() < deadline) {
      long start = System.nanoTime();
      HttpResponse<String> response = serving.runtime().post("/dispatch", body);
      assertThat(response.statusCode()).isEqualTo(413);
      refusalMillis.add((System.nanoTime() - start) / 1_000_000);
    }
    return null;
  }

  /** Polls like a kubelet with a 2 s probe timeout; a probe that times out fails the test. */
  private static List<Long> pollHealthUntil(long deadline) throws Exception {
    HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = serving.runtime().managementUri("/healthz");
    List<Long> millis = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      long start = System.nanoTime();
      HttpResponse<String> response =
          probe.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      millis.add((System.nanoTime() - start) / 1_000_000);
      Thread.sleep(50);
    }
    return millis;
  }

  private static List<String> contexts() {
    return List.of(MEGABYTE_STRING, HALF_MILLION_ELEMENTS, HUNDRED_THOUSAND_KEYS);
  }

  private static String body(String context) {
    return "{\"intent\": \"call_reasoning\", \"context\": " + context + "}";
  }

  /** 110,000 distinct three-letter keys: about 0.9 MB, under the body limit. */
  private static String hundredThousandKeys() {
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder context = new StringBuilder("{\"user_id\": \"t\"");
    for (int i = 0; i < 110_000; i++) {
      context
          .append(",\"")
          .append(letters.charAt(i % 62))
          .append(letters.charAt(i / 62 % 62))
          .append(letters.charAt(i / 3844))
          .append("\":0");
    }
    return context.append('}').toString();
  }
}
