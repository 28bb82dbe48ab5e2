package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.governance.RateLimit;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes sharing one table (a real dynalite): a policy's rate limit holds across both, and an
 * unreachable table lets requests through unless told otherwise.
 */
class SharedRateLimitTest {

  static final String HOME = "eu-west-1";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void aLimitOfFortyGrantsExactlyFortyAcrossTwoRuntimes() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime a = start(region, "a", "");
        TestRuntime b = start(region, "b", "")) {
      region.permit("forty-per-hour", "call_reasoning", RateLimit.parse("40/1h"));
      a.awaitPolicy("forty-per-hour");
      b.awaitPolicy("forty-per-hour");

      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        sent.add((i % 2 == 0 ? a : b).postAsync("/dispatch", RateLimitTest.reasoning("ann")));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> response : sent) {
        answers.add(response.get(30, TimeUnit.SECONDS));
      }

      assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(40);
      List<HttpResponse<String>> limited =
          answers.stream().filter(r -> r.statusCode() == 429).toList();
      assertThat(limited).hasSize(60);
      for (HttpResponse<String> response : limited) {
        assertThat(Long.parseLong(response.headers().firstValue("retry-after").orElseThrow()))
            .isGreaterThanOrEqualTo(1);
      }
      assertThat(b.post("/dispatch", RateLimitTest.reasoning("bob")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aLimitKeyedByRuntimeIsSharedByEveryCallerOnEveryRuntime() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime a = start(region, "a", "");
        TestRuntime b = start(region, "b", "")) {
      region.permit("three-for-all", "call_reasoning", RateLimit.parse("3/1h per runtime"));
      a.awaitPolicy("three-for-all");
      b.awaitPolicy("three-for-all");

      assertThat(a.post("/dispatch", RateLimitTest.reasoning("ann")).statusCode()).isEqualTo(200);
      assertThat(b.post("/dispatch", RateLimitTest.reasoning("bob")).statusCode()).isEqualTo(200);
      assertThat(a.post("/dispatch", RateLimitTest.reasoning("carl")).statusCode()).isEqualTo(200);

      assertThat(b.post("/dispatch", RateLimitTest.reasoning("dora")).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void anUnreachableTableLetsRequestsThroughByDefault() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime runtime = start(region, "a", "")) {
      region.permit("one-per-hour", "call_reasoning", RateLimit.parse("1/1h"));
      runtime.awaitPolicy("one-per-hour");
      region.stop();

      assertThat(runtime.post("/dispatch", RateLimitTest.reasoning("ann")).statusCode())
          .isEqualTo(200);
      assertThat(runtime.management("/metrics").body())
          .contains(RateLimitTest.series("one-per-hour", "store_error") + " 1.0")
          .contains(storeSeries("rate_read", "error"));
    }
  }

  @Test
  void anUnreachableTableAnswers503WhenTheConfigurationSaysDeny() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime runtime = start(region, "a", "rateLimits: {onStoreError: deny}\n")) {
      region.permit("one-per-hour", "call_reasoning", RateLimit.parse("1/1h"));
      runtime.awaitPolicy("one-per-hour");
      region.stop();

      HttpResponse<String> denied = runtime.post("/dispatch", RateLimitTest.reasoning("ann"));

      assertThat(denied.statusCode()).isEqualTo(503);
      ProblemAssert.isProblem(denied, "rate-limit-store-unavailable");
      assertThat(denied.headers().firstValue("retry-after")).isPresent();
    }
  }

  /** Waits until the runtime has loaded {@code policy}: decisions name it. */
  private TestRuntime start(LocalRegion region, String name, String extra) throws Exception {
    return start(dir.resolve(name), region, extra + TestRuntime.ECHO_INTENTS);
  }

  /**
   * A runtime on the region's table, in its own directory.
   *
   * @param rest configuration after {@code governance}: other sections and {@code intents}
   */
  static TestRuntime start(Path dir, LocalRegion region, String rest) throws Exception {
    String governance =
        """
        governance:
          refreshInterval: 100ms
          store:
            dynamodb:
              table: %s
              region: %s
              regions: [%s]
        """
            .formatted(LocalRegion.TABLE, HOME, region.configEntry());
    return TestRuntime.start(
        dir, TestRuntime.serverConfig() + governance + rest, Map.of(), Map.of());
  }

  static String storeSeries(String operation, String outcome) {
    return "agent_policy_store_requests_total{operation=\"%s\",outcome=\"%s\",region=\"%s\"}"
        .formatted(operation, outcome, HOME);
  }
}
