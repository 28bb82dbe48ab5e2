package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered alerts, loaded by Prometheus's own rule engine: {@code promtool check rules} accepts
 * them, and {@code promtool test rules} fires each one from synthetic series just past its default
 * threshold and keeps it silent just short of it. Skipped where promtool (Debian's {@code
 * prometheus} package) is not on the PATH.
 *
 * <p>Counters grow by a fixed amount per minute, so every 5-minute rate is exact: 21 of 1000
 * answers being 5xx is a 2.1 % error rate. Latency buckets are those the runtime exports (…, 0.5,
 * 0.75, 1, 1.5, … seconds); with 948 of 1000 requests under 0.75 s the p95 interpolates to 0.76 s.
 */
class RuntimePrometheusRulePromtoolTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String RUNTIME = "namespace=\"agents\",service=\"support\"";
  private static final String EVAL_TIME = "20m";
  private static final String LATENCY = RuntimePrometheusRuleRenderer.LATENCY_ALERT;
  private static final String ERRORS = RuntimePrometheusRuleRenderer.ERROR_RATE_ALERT;
  private static final String AVAILABILITY = RuntimePrometheusRuleRenderer.AVAILABILITY_ALERT;
  private static final String THROUGHPUT = RuntimePrometheusRuleRenderer.THROUGHPUT_ALERT;
  private static final String FIRST_BYTE = RuntimePrometheusRuleRenderer.FIRST_BYTE_ALERT;

  @TempDir Path dir;
  private Path promtool;
  private List<Map<String, Object>> rules;
  private Path ruleFile;

  /** Defaults of the alarm table, with the original system's 1000 requests a minute expected. */
  @BeforeEach
  void writeRuleFile() throws IOException {
    promtool = onPath("promtool");
    assumeTrue(promtool != null, "promtool is not on PATH: skipping the alerting rule checks");
    AgentRuntime cr =
        AgentRuntimeFixtures.withSpec(
            """
            image: ghcr.io/agentruntime/runtime:0.1.0
            intents: [{name: ping, backend: {echo: {}}}]
            monitoring: {expectedRequestsPerMinute: 1000}
            """);
    Map<String, Object> spec =
        AgentRuntimeFixtures.rendered(cr, RuntimePrometheusRuleRenderer::render).getSpec();
    rules = RuntimeMonitoringRenderersTest.rules(cr);
    ruleFile = dir.resolve("rules.yaml");
    YAML.writeValue(ruleFile.toFile(), spec);
  }

  @Test
  void promtoolAcceptsTheRules() throws Exception {
    String output = promtool("check", "rules", ruleFile.toString());

    assertThat(output).contains("SUCCESS: 9 rules found");
  }

  @Test
  void latencyAlertsFireAboveTheirThresholdsOnly() throws Exception {
    promtoolTests(
        scenario(latency(0, 948, 1000), LATENCY, "warning"),
        scenario(latency(0, 951, 1000), LATENCY),
        scenario(latency(0, 0, 948), LATENCY, "warning", "critical"),
        scenario(latency(0, 0, 951), LATENCY, "warning"));
  }

  /**
   * First-byte buckets are the same as latency's (…, 1.5, 2, 3, 5, 7.5 s): with 948 of 1000 first
   * bytes within 2 s and the rest within 3 s the p95 interpolates to 2.06 s.
   */
  @Test
  void firstByteAlertsFireAboveTheirThresholdsOnly() throws Exception {
    promtoolTests(
        scenario(firstByte(0, 948, 1000, 1000), FIRST_BYTE, "warning"),
        scenario(firstByte(0, 951, 1000, 1000), FIRST_BYTE),
        scenario(firstByte(0, 0, 0, 948), FIRST_BYTE, "warning", "critical"),
        scenario(firstByte(0, 0, 0, 951), FIRST_BYTE, "warning"),
        scenario(answers(RUNTIME, 1000, 0), FIRST_BYTE));
  }

  @Test
  void errorRateAlertsFireAboveTheirThresholdsOnly() throws Exception {
    promtoolTests(
        scenario(answers(RUNTIME, 979, 21), ERRORS, "warning"),
        scenario(answers(RUNTIME, 981, 19), ERRORS),
        scenario(answers(RUNTIME, 949, 51), ERRORS, "warning", "critical"),
        scenario(answers(RUNTIME, 951, 49), ERRORS, "warning"));
  }

  @Test
  void availabilityAlertsFireBelowTheirThresholdsOnly() throws Exception {
    promtoolTests(
        scenario(answers(RUNTIME, 997, 3), AVAILABILITY, "warning"),
        scenario(answers(RUNTIME, 999, 1), AVAILABILITY),
        scenario(answers(RUNTIME, 994, 6), AVAILABILITY, "warning", "critical"),
        scenario(answers(RUNTIME, 996, 4), AVAILABILITY, "warning"));
  }

  @Test
  void throughputAlertFiresBelowTheFloorAndWithoutAnyTraffic() throws Exception {
    promtoolTests(
        scenario(answers(RUNTIME, 790, 0), THROUGHPUT, "warning"),
        scenario(answers(RUNTIME, 810, 0), THROUGHPUT),
        scenario(List.of(), THROUGHPUT, "warning"));
  }

  @Test
  void anotherRuntimesFailuresDoNotFireTheseAlerts() throws Exception {
    List<Map<String, Object>> series = new ArrayList<>(answers(RUNTIME, 1000, 0));
    series.addAll(answers("namespace=\"agents\",service=\"other\"", 500, 500));
    series.addAll(answers("namespace=\"staging\",service=\"support\"", 500, 500));

    promtoolTests(scenario(series, ERRORS), scenario(series, AVAILABILITY));
  }

  /** One minute's worth of answers, 200 and 500, of the runtime selected by {@code scope}. */
  private static List<Map<String, Object>> answers(String scope, int ok, int failed) {
    return List.of(
        series("agent_dispatch_requests_total{%s,intent=\"ping\",code=\"200\"}", scope, ok),
        series("agent_dispatch_requests_total{%s,intent=\"ping\",code=\"500\"}", scope, failed));
  }

  /** One minute's worth of 1000 requests, cumulated up to the buckets 0.5, 0.75, 1 and 1.5 s. */
  private static List<Map<String, Object>> latency(int upTo500ms, int upTo750ms, int upTo1s) {
    String bucket = "agent_dispatch_duration_seconds_bucket{%s,intent=\"ping\",le=\"%s\"}";
    return List.of(
        series(bucket, RUNTIME, upTo500ms, "0.5"),
        series(bucket, RUNTIME, upTo750ms, "0.75"),
        series(bucket, RUNTIME, upTo1s, "1.0"),
        series(bucket, RUNTIME, 1000, "1.5"),
        series(bucket, RUNTIME, 1000, "+Inf"));
  }

  /** One minute's worth of 1000 streamed first bytes, cumulated up to 1.5, 2, 3 and 5 s. */
  private static List<Map<String, Object>> firstByte(
      int upTo1500ms, int upTo2s, int upTo3s, int upTo5s) {
    String bucket = "agent_dispatch_first_byte_seconds_bucket{%s,intent=\"ping\",le=\"%s\"}";
    return List.of(
        series(bucket, RUNTIME, upTo1500ms, "1.5"),
        series(bucket, RUNTIME, upTo2s, "2.0"),
        series(bucket, RUNTIME, upTo3s, "3.0"),
        series(bucket, RUNTIME, upTo5s, "5.0"),
        series(bucket, RUNTIME, 1000, "7.5"),
        series(bucket, RUNTIME, 1000, "+Inf"));
  }

  private static Map<String, Object> series(String pattern, String scope, int perMinute) {
    return Map.of("series", pattern.formatted(scope), "values", "0+%dx30".formatted(perMinute));
  }

  private static Map<String, Object> series(
      String pattern, String scope, int perMinute, String le) {
    return Map.of("series", pattern.formatted(scope, le), "values", "0+%dx30".formatted(perMinute));
  }

  /** A promtool test case: these series, and which severities of {@code alert} fire. */
  private Map<String, Object> scenario(
      List<Map<String, Object>> series, String alert, String... severities) {
    List<Map<String, Object>> expected =
        Arrays.stream(severities).map(severity -> expectedAlert(alert, severity)).toList();
    return Map.of(
        "interval",
        "1m",
        "input_series",
        series,
        "alert_rule_test",
        List.of(Map.of("eval_time", EVAL_TIME, "alertname", alert, "exp_alerts", expected)));
  }

  /** The labels and annotations the rendered rule gives {@code alert} at {@code severity}. */
  private Map<String, Object> expectedAlert(String alert, String severity) {
    Map<String, Object> rule =
        rules.stream()
            .filter(r -> alert.equals(r.get("alert")))
            .filter(r -> severity.equals(((Map<?, ?>) r.get("labels")).get("severity")))
            .findFirst()
            .orElseThrow();
    return Map.of("exp_labels", rule.get("labels"), "exp_annotations", rule.get("annotations"));
  }

  @SafeVarargs
  private void promtoolTests(Map<String, Object>... scenarios) throws Exception {
    Path tests = dir.resolve("tests.yaml");
    YAML.writeValue(
        tests.toFile(),
        Map.of(
            "rule_files",
            List.of(ruleFile.getFileName().toString()),
            "evaluation_interval",
            "1m",
            "tests",
            List.of(scenarios)));

    assertThat(promtool("test", "rules", tests.toString())).contains("SUCCESS");
  }

  /** Runs promtool in the temporary folder; fails with its output unless it exits 0. */
  private String promtool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(promtool.toString()));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static Path onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(directory -> Path.of(directory, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }
}
