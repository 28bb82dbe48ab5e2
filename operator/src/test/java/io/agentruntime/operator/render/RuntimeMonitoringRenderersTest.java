package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ServiceMonitor and the PrometheusRule rendered from {@code spec.monitoring}. */
class RuntimeMonitoringRenderersTest {

  private static final String BASE =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents: [{name: ping, backend: {echo: {}}}]
      """;

  private static final Pattern METRIC_SELECTOR =
      Pattern.compile("agent_dispatch_[a-z_]+\\{([^}]*)}");

  private static final Pattern FINAL_COMPARISON = Pattern.compile("[<>] [0-9.]+$");

  @Test
  void serviceMonitorScrapesTheRuntimeServicesManagementPort() {
    AgentRuntime cr = AgentRuntimeFixtures.minimal();
    Service service = RuntimeServiceRenderer.render(cr);

    Map<String, Object> spec = RuntimeServiceMonitorRenderer.render(cr).getSpec();

    Map<String, String> matchLabels = cast(((Map<?, ?>) spec.get("selector")).get("matchLabels"));
    assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(matchLabels);
    assertThat(matchLabels).isEqualTo(service.getSpec().getSelector());
    assertThat((List<?>) spec.get("endpoints"))
        .singleElement()
        .isEqualTo(
            Map.of(
                "port", service.getSpec().getPorts().getLast().getName(),
                "path", "/metrics",
                "interval", "15s"));
  }

  @Test
  void theProbesAndTheScrapeUseTheManagementPortTheConfigurationOpens() throws Exception {
    AgentRuntime cr = AgentRuntimeFixtures.minimal();
    Container container =
        AgentRuntimeFixtures.rendered(cr, RuntimeDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .getFirst();
    JsonNode config =
        new YAMLMapper()
            .readTree(
                AgentRuntimeFixtures.rendered(cr, RuntimeConfigMapRenderer::render)
                    .getData()
                    .get(ResourceNames.CONFIG_KEY));

    assertThat(config.at("/server/management/port").asInt())
        .isEqualTo(ResourceNames.RUNTIME_MANAGEMENT_PORT);
    assertThat(container.getPorts())
        .filteredOn(port -> port.getName().equals(ResourceNames.MANAGEMENT_PORT_NAME))
        .singleElement()
        .satisfies(port -> assertThat(port.getContainerPort()).isEqualTo(8081));
    assertThat(
            List.of(
                container.getLivenessProbe(),
                container.getReadinessProbe(),
                container.getStartupProbe()))
        .allSatisfy(
            probe ->
                assertThat(probe.getHttpGet().getPort().getStrVal())
                    .isEqualTo(ResourceNames.MANAGEMENT_PORT_NAME));
  }

  @Test
  void defaultAlertsAreTheOriginalAlarmTable() {
    List<Map<String, Object>> rules = rules(AgentRuntimeFixtures.minimal());

    assertThat(rules)
        .extracting(rule -> rule.get("alert") + " " + severity(rule) + ": " + threshold(rule))
        .containsExactly(
            "AgentRuntimeLatencyHigh warning: > 0.75",
            "AgentRuntimeLatencyHigh critical: > 1",
            "AgentRuntimeFirstByteSlow warning: > 2",
            "AgentRuntimeFirstByteSlow critical: > 5",
            "AgentRuntimeErrorRateHigh warning: > 2",
            "AgentRuntimeErrorRateHigh critical: > 5",
            "AgentRuntimeAvailabilityLow warning: < 99.8",
            "AgentRuntimeAvailabilityLow critical: < 99.5");
    assertThat(rules).extracting(rule -> rule.get("for")).containsOnly("5m");
  }

  @Test
  void thresholdsFromTheSpecReplaceTheDefaultsOneByOne() {
    List<Map<String, Object>> rules =
        rules(
            AgentRuntimeFixtures.withSpec(
                BASE
                    + """
                    monitoring:
                      thresholds:
                        latencyP95WarningMs: 250
                        errorRateCriticalPercent: 7.5
                        availabilityWarningPercent: 99.95
                        throughputFloorPerMinute: 800
                    """));

    assertThat(rules)
        .extracting(rule -> rule.get("alert") + " " + severity(rule) + ": " + threshold(rule))
        .containsExactly(
            "AgentRuntimeLatencyHigh warning: > 0.25",
            "AgentRuntimeLatencyHigh critical: > 1",
            "AgentRuntimeFirstByteSlow warning: > 2",
            "AgentRuntimeFirstByteSlow critical: > 5",
            "AgentRuntimeErrorRateHigh warning: > 2",
            "AgentRuntimeErrorRateHigh critical: > 7.5",
            "AgentRuntimeAvailabilityLow warning: < 99.95",
            "AgentRuntimeAvailabilityLow critical: < 99.5",
            "AgentRuntimeThroughputLow warning: < 800");
    assertThat(annotations(rules.getFirst()).get("summary"))
        .isEqualTo("p95 dispatch latency of agents/support above 250 ms");
    assertThat(annotations(rules.get(5)).get("description"))
        .contains("7.5 %")
        .contains("spec.monitoring.thresholds.errorRateCriticalPercent");
    assertThat(rules.getLast().get("for")).isEqualTo("10m");
  }

  @Test
  void anExpectedRateAlertsBelowEightyPercentOfItAndNoRateNeverAlertsOnThroughput() {
    List<Map<String, Object>> expected =
        rules(
            AgentRuntimeFixtures.withSpec(
                BASE + "monitoring: {expectedRequestsPerMinute: 1000}\n"));
    List<Map<String, Object>> idle = rules(AgentRuntimeFixtures.minimal());

    assertThat(expected.getLast().get("alert") + ": " + threshold(expected.getLast()))
        .isEqualTo("AgentRuntimeThroughputLow: < 800");
    assertThat(idle)
        .extracting(rule -> rule.get("alert"))
        .doesNotContain("AgentRuntimeThroughputLow");
  }

  @Test
  void everyAlertWatchesThisRuntimeAloneAndSaysWhich() {
    for (Map<String, Object> rule : rules(RenderCases.load("monitoring"))) {
      Matcher selectors = METRIC_SELECTOR.matcher((String) rule.get("expr"));
      int count = 0;
      while (selectors.find()) {
        assertThat(selectors.group(1))
            .as("%s", rule.get("expr"))
            .startsWith("namespace=\"shop\",service=\"checkout\"");
        count++;
      }
      assertThat(count).as("%s", rule.get("expr")).isPositive();
      assertThat(RuntimeMonitoringRenderersTest.<Map<String, String>>cast(rule.get("labels")))
          .containsEntry("namespace", "shop")
          .containsEntry("service", "checkout");
    }
  }

  @Test
  void theSpecCanTurnEitherObjectOff() {
    assertThat(kinds(BASE + "monitoring: {serviceMonitor: false}"))
        .contains("PrometheusRule")
        .doesNotContain("ServiceMonitor");
    assertThat(kinds(BASE + "monitoring: {alerts: false}"))
        .contains("ServiceMonitor")
        .doesNotContain("PrometheusRule");
    assertThat(kinds(BASE + "monitoring: {}")).contains("ServiceMonitor", "PrometheusRule");
  }

  private static List<String> kinds(String specYaml) {
    return AgentRuntimeRenderer.render(AgentRuntimeFixtures.withSpec(specYaml)).stream()
        .map(HasMetadata::getKind)
        .toList();
  }

  /** The rules of the PrometheusRule's only group. */
  static List<Map<String, Object>> rules(AgentRuntime cr) {
    List<?> groups =
        (List<?>)
            AgentRuntimeFixtures.rendered(cr, RuntimePrometheusRuleRenderer::render)
                .getSpec()
                .get("groups");
    assertThat(groups).hasSize(1);
    return cast(((Map<?, ?>) groups.getFirst()).get("rules"));
  }

  private static Object severity(Map<String, Object> rule) {
    return ((Map<?, ?>) rule.get("labels")).get("severity");
  }

  private static Map<String, String> annotations(Map<String, Object> rule) {
    return cast(rule.get("annotations"));
  }

  /** The comparison that ends the expression, e.g. {@code > 0.75}. */
  private static String threshold(Map<String, Object> rule) {
    Matcher comparison = FINAL_COMPARISON.matcher((String) rule.get("expr"));
    assertThat(comparison.find()).as("%s", rule.get("expr")).isTrue();
    return comparison.group();
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
