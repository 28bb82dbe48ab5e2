package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.agentruntime.contract.metrics.RuntimeMeter;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTest {

  /** Never called: it only brings a backend with a connection pool into the exposition. */
  private static final String HTTP_INTENT =
      """
        - name: lookup_order
          backend: {type: http, url: "http://127.0.0.1:9/tool", maxConnections: 7}
      """;

  @TempDir static Path dir;
  private static TestRuntime runtime;
  private static String metrics;

  @BeforeAll
  static void startAndScrape() throws Exception {
    runtime =
        TestRuntime.start(
            dir,
            TestRuntime.ECHO_INTENTS + HTTP_INTENT,
            Map.of(
                "allow.cedar",
                TestRuntime.ALLOW_ALL,
                "suspended.cedar",
                TestRuntime.BLOCK_SUSPENDED));
    runtime.post(
        "/dispatch", "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"a\"}}");
    runtime.post(
        "/dispatch",
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"a\", \"suspended\": true}}");
    runtime.post(
        "/dispatch", "{\"intent\": \"no_such_intent_1\", \"context\": {\"user_id\": \"a\"}}");
    runtime.post(
        "/dispatch", "{\"intent\": \"no_such_intent_2\", \"context\": {\"user_id\": \"a\"}}");
    HttpResponse<String> response = runtime.management("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow())
        .startsWith("text/plain");
    metrics = response.body();
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
  }

  @Test
  void exposesTheDesignedDispatchMetrics() {
    assertThat(metrics)
        .contains(
            "agent_dispatch_requests_total{code=\"200\",intent=\"call_reasoning\",outcome=\"success\"} 1")
        .contains(
            "agent_dispatch_requests_total{code=\"403\",intent=\"call_reasoning\",outcome=\"denied\"} 1")
        .contains(
            "agent_dispatch_duration_seconds_bucket{intent=\"call_reasoning\",outcome=\"success\",le=\"1.0E-4\"}")
        .contains(
            "agent_dispatch_duration_seconds_count{intent=\"call_reasoning\",outcome=\"success\"} 1")
        .contains(
            "agent_backend_duration_seconds_count{backend=\"echo\",intent=\"call_reasoning\"} 1");
  }

  @Test
  void exposesTheGovernanceAndPolicyStoreMetrics() {
    assertThat(metrics)
        .contains("agent_governance_decision_duration_seconds_bucket{decision=\"Allow\"")
        .contains(
            "agent_governance_decisions_total{decision=\"Deny\",intent=\"call_reasoning\",mode=\"Enforce\"} 1")
        .contains("agent_governance_evaluator_disagreements_total 0")
        .contains("agent_governance_evaluator_fallbacks_total 0")
        .contains("agent_policy_set_version ")
        .contains("agent_policy_set_age_seconds ")
        .contains(
            "agent_policy_store_requests_total{operation=\"load\",outcome=\"success\",region=\"local\"}")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void exposesTheBulkheadOfEachPooledBackend() {
    assertThat(metrics)
        .contains("agent_backend_in_flight{backend=\"http\",intent=\"lookup_order\"} 0")
        .contains("agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 7")
        .contains("agent_backend_rejected_total{backend=\"http\",intent=\"lookup_order\"} 0")
        .doesNotContain("agent_backend_in_flight{backend=\"echo\"");
  }

  /**
   * The dashboard, the alerts and docs/api.md are checked against {@link RuntimeMeter}: every
   * exposed agent metric must be one of its meters.
   */
  @Test
  void everyExposedAgentMetricIsARuntimeMeter() {
    Set<String> named =
        Arrays.stream(RuntimeMeter.values())
            .map(RuntimeMeter::prometheusName)
            .collect(Collectors.toSet());
    Set<String> exposed =
        metrics
            .lines()
            .filter(line -> line.startsWith("agent_"))
            .map(
                line ->
                    line.replaceFirst("[{ ].*", "").replaceFirst("_(bucket|count|sum|max)$", ""))
            .collect(Collectors.toSet());

    assertThat(exposed).isNotEmpty();
    assertThat(named).containsAll(exposed);
  }

  @Test
  void unknownIntentsShareOneLabel() {
    assertThat(metrics)
        .contains(
            "agent_dispatch_requests_total{code=\"404\",intent=\"_unknown\",outcome=\"client_error\"} 2")
        .doesNotContain("no_such_intent");
  }

  @Test
  void promtoolAcceptsTheExposition() throws Exception {
    Path promtool =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .map(directory -> Path.of(directory, "promtool"))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    assumeTrue(promtool != null, "promtool is not on PATH: skipping the exposition format check");
    Path exposition = Files.writeString(dir.resolve("metrics.txt"), metrics);

    Process check =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectInput(exposition.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(check.exitValue()).as(output).isZero();
  }
}
