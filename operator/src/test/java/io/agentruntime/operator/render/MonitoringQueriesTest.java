package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.contract.metrics.RuntimeMeter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard of the chart and the rendered alerts query only metrics the runtime
 * exports, named by {@link RuntimeMeter}, besides the cluster's own {@code container_*} (cAdvisor)
 * and {@code kube_*} (kube-state-metrics) series. The runtime registers its meters under the same
 * names, and the metrics table of docs/api.md is checked against them.
 */
class MonitoringQueriesTest {

  private static final Path DASHBOARD =
      Path.of("..", "helm", "agent-runtime-operator", "dashboards", "agent-runtime.json");
  private static final List<String> CLUSTER_PREFIXES = List.of("container_", "kube_");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)");

  @TempDir Path dir;

  @Test
  void dashboardQueriesOnlyExportedMetrics() throws IOException {
    Set<String> used = new TreeSet<>();
    dashboardQueries().forEach(query -> used.addAll(metricNames(query)));
    variableQueries().forEach(query -> used.addAll(labelValuesMetric(query)));

    assertThat(used)
        .as("the dashboard shows the runtime's latency, errors and governance")
        .contains(
            RuntimeMeter.DISPATCH_DURATION.histogramSeries("bucket"),
            RuntimeMeter.DISPATCH_REQUESTS.prometheusName(),
            RuntimeMeter.DECISION_DURATION.histogramSeries("bucket"),
            RuntimeMeter.POLICY_SET_AGE.prometheusName(),
            RuntimeMeter.POLICY_STORE_REQUESTS.prometheusName());
    Set<String> exported = exportedNames();
    assertThat(used).allSatisfy(name -> assertThat(isExported(exported, name)).as(name).isTrue());
  }

  @Test
  void alertsQueryOnlyExportedMetrics() throws IOException {
    Set<String> exported = exportedNames();
    List<String> names =
        RuntimeMonitoringRenderersTest.rules(RenderCases.load("monitoring")).stream()
            .flatMap(rule -> metricNames((String) rule.get("expr")).stream())
            .toList();

    assertThat(names)
        .isNotEmpty()
        .allSatisfy(name -> assertThat(isExported(exported, name)).as(name).isTrue());
  }

  @Test
  void everyPanelFollowsTheNamespaceVariable() throws IOException {
    assertThat(variableNames()).contains("datasource", "namespace", "runtime");
    assertThat(dashboardQueries())
        .hasSizeGreaterThan(10)
        .allSatisfy(query -> assertThat(query).contains("namespace=\"$namespace\""));
  }

  /** promtool parses each query, the dashboard's variables replaced, as a recording rule. */
  @Test
  void everyDashboardQueryIsValidPromql() throws Exception {
    Path promtool = onPath("promtool");
    assumeTrue(promtool != null, "promtool is not on PATH: skipping the dashboard query check");
    List<Map<String, String>> rules = new ArrayList<>();
    for (String query : dashboardQueries()) {
      rules.add(Map.of("record", "dashboard:query" + rules.size(), "expr", substitute(query)));
    }
    Path file = dir.resolve("dashboard-queries.yaml");
    new YAMLMapper()
        .writeValue(
            file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules))));

    Process check =
        new ProcessBuilder(promtool.toString(), "check", "rules", file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(check.exitValue()).as(output).isZero();
  }

  /** The runtime's series, histograms with their bucket, count and sum. */
  private static Set<String> exportedNames() {
    Set<String> names = new TreeSet<>();
    for (RuntimeMeter meter : RuntimeMeter.values()) {
      names.add(meter.prometheusName());
      if (meter.kind() == RuntimeMeter.Kind.TIMER) {
        List.of("bucket", "count", "sum")
            .forEach(series -> names.add(meter.histogramSeries(series)));
      }
    }
    return names;
  }

  private static boolean isExported(Set<String> runtimeNames, String name) {
    return runtimeNames.contains(name) || CLUSTER_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /**
   * The metric names of a PromQL query: identifiers left once strings, label matchers, ranges and
   * grouping clauses are removed, that neither call a function nor are keywords or variables.
   */
  static Set<String> metricNames(String query) {
    String bare =
        query
            .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
    Set<String> names = new TreeSet<>();
    Matcher identifiers = IDENTIFIER.matcher(bare);
    while (identifiers.find()) {
      String name = identifiers.group();
      boolean variable = identifiers.start() > 0 && bare.charAt(identifiers.start() - 1) == '$';
      boolean call = bare.substring(identifiers.end()).stripLeading().startsWith("(");
      if (!variable && !call && !KEYWORDS.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static Set<String> labelValuesMetric(String query) {
    Matcher metric = LABEL_VALUES.matcher(query);
    return metric.find() ? Set.of(metric.group(1)) : Set.of();
  }

  private static List<String> dashboardQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.add(target.path("expr").asText());
      }
    }
    return queries;
  }

  private static List<String> variableQueries() throws IOException {
    List<String> queries = new ArrayList<>();
    for (JsonNode variable : dashboard().path("templating").path("list")) {
      if ("query".equals(variable.path("type").asText())) {
        queries.add(variable.path("definition").asText());
      }
    }
    return queries;
  }

  private static List<String> variableNames() throws IOException {
    List<String> names = new ArrayList<>();
    dashboard().path("templating").path("list").forEach(v -> names.add(v.path("name").asText()));
    return names;
  }

  private static JsonNode dashboard() throws IOException {
    return new ObjectMapper().readTree(DASHBOARD.toFile());
  }

  /** A query as Grafana sends it, its variables filled in. */
  private static String substitute(String query) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("$__rate_interval", "1m");
    values.put("$__range", "3h");
    values.put("$namespace", "agents");
    values.put("$runtime", "support");
    String result = query;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace(value.getKey(), value.getValue());
    }
    return result;
  }

  private static Path onPath(String program) {
    return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(directory -> Path.of(directory, program))
        .filter(Files::isExecutable)
        .findFirst()
        .orElse(null);
  }
}
