package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running runtime reading its policies from DynamoDB, played by real dynalite processes on
 * loopback: changes arrive with the next refresh, outages are ridden out on the last good set until
 * {@code maxStaleness}, and reads fail over to the next region.
 */
class DynamoDbStoreTest {

  private static final String HOME = "eu-west-1";
  private static final String FAILOVER = "us-east-1";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String REASONING =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"ann\"}}";
  private static final String EXPORT =
      "{\"intent\": \"export_customer_data\", \"context\": {\"user_id\": \"ann\"}}";

  @TempDir Path dir;

  @Test
  void aPushedPolicyDecidesUntilItIsDeleted() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime runtime = start(Duration.ofMinutes(5), region)) {
      assertThat(runtime.post("/dispatch", REASONING).statusCode()).isEqualTo(403);

      region.permit("allow-reasoning", "call_reasoning");
      awaitStatus(runtime, "/dispatch", REASONING, 200);

      region.delete("allow-reasoning");
      awaitStatus(runtime, "/dispatch", REASONING, 403);
    }
  }

  @Test
  void anUnreachableStoreLeavesTheLastSetInForceWhileItAges() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime runtime = start(Duration.ofMinutes(5), region)) {
      region.permit("allow-reasoning", "call_reasoning");
      awaitStatus(runtime, "/dispatch", REASONING, 200);

      region.stop();
      await().atMost(WAIT).until(() -> policySetAge(runtime) > 1.5);
      assertThat(runtime.post("/dispatch", REASONING).statusCode()).isEqualTo(200);
      assertThat(runtime.management("/readyz").statusCode()).isEqualTo(200);
      assertThat(runtime.management("/metrics").body())
          .contains(series("current_version", HOME, "error"));

      region.restart();
      await().atMost(WAIT).until(() -> policySetAge(runtime) < 1.0);
      region.permit("allow-export", "export_customer_data");
      awaitStatus(runtime, "/dispatch", EXPORT, 200);
    }
  }

  @Test
  void pastMaxStalenessRequestsGet503UntilTheStoreAnswersAgain() throws Exception {
    try (LocalRegion region = LocalRegion.start(HOME);
        TestRuntime runtime = start(Duration.ofSeconds(2), region)) {
      region.permit("allow-reasoning", "call_reasoning");
      awaitStatus(runtime, "/dispatch", REASONING, 200);

      region.stop();
      awaitStatus(runtime, "/dispatch", REASONING, 503);
      for (String path : new String[] {"/dispatch", "/v1/decisions"}) {
        HttpResponse<String> stale = runtime.post(path, REASONING);
        assertThat(stale.statusCode()).as(path).isEqualTo(503);
        ProblemAssert.isProblem(stale, "policy-store-stale");
        assertThat(stale.headers().firstValue("retry-after")).as(path).isPresent();
      }
      HttpResponse<String> ready = runtime.management("/readyz");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ProblemAssert.isProblem(ready, "policy-store-stale").getString("detail"))
          .contains("governance.maxStaleness");

      region.restart();
      awaitStatus(runtime, "/dispatch", REASONING, 200);
      assertThat(runtime.management("/readyz").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void readsFailOverToTheNextRegionWhileTheFirstIsDown() throws Exception {
    try (LocalRegion home = LocalRegion.start(HOME);
        LocalRegion failover = LocalRegion.start(FAILOVER);
        TestRuntime runtime = start(Duration.ofMinutes(5), home, failover)) {
      home.permit("allow-reasoning", "call_reasoning");
      failover.permit("allow-reasoning", "call_reasoning");
      awaitStatus(runtime, "/dispatch", REASONING, 200);

      home.stop();
      // Only the failover region learns of this policy: the runtime can only see it from there.
      failover.permit("allow-export", "export_customer_data");
      awaitStatus(runtime, "/dispatch", EXPORT, 200);

      assertThat(runtime.management("/metrics").body())
          .contains(series("current_version", HOME, "success"))
          .contains(series("current_version", HOME, "error"))
          .contains(series("current_version", FAILOVER, "success"))
          .contains(series("load", FAILOVER, "success"));
      assertThat(runtime.management("/readyz").statusCode()).isEqualTo(200);
    }
  }

  private TestRuntime start(Duration maxStaleness, LocalRegion... regions) throws Exception {
    StringBuilder entries = new StringBuilder();
    for (LocalRegion region : regions) {
      entries.append(entries.isEmpty() ? "" : ", ").append(region.configEntry());
    }
    String governance =
        """
        governance:
          refreshInterval: 100ms
          maxStaleness: %s
          store:
            dynamodb:
              table: %s
              region: %s
              regions: [%s]
        """
            .formatted(maxStaleness.toMillis() + "ms", LocalRegion.TABLE, HOME, entries);
    return TestRuntime.start(
        dir,
        TestRuntime.serverConfig() + governance + TestRuntime.ECHO_INTENTS,
        Map.of(),
        Map.of());
  }

  private static void awaitStatus(TestRuntime runtime, String path, String body, int status) {
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(runtime.post(path, body).statusCode()).isEqualTo(status));
  }

  private static double policySetAge(TestRuntime runtime) throws Exception {
    String prefix = "agent_policy_set_age_seconds ";
    return runtime
        .management("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToDouble(line -> Double.parseDouble(line.substring(prefix.length())))
        .findFirst()
        .orElseThrow();
  }

  /** A counter series of {@code agent_policy_store_requests_total}, with any value. */
  private static String series(String operation, String region, String outcome) {
    return "agent_policy_store_requests_total{operation=\"%s\",outcome=\"%s\",region=\"%s\"}"
        .formatted(operation, outcome, region);
  }
}
