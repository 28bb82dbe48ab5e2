package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code helm lint} and {@code helm install} give a user of the operator's chart. */
class OperatorChartTest {

  @Test
  void lintStrictFindsNothing() {
    LintResult result = OperatorChart.lintStrict();

    assertThat(result.getMessages())
        .as("helm lint --strict")
        .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    assertThat(result.isFailed()).isFalse();
  }

  @Test
  void defaultsInstallTheOperatorWithItsPermissionsAndNoMonitoring() {
    assertThat(OperatorChart.render().kinds())
        .containsExactlyInAnyOrder(
            "ConfigMap",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Deployment",
            "PodDisruptionBudget");
  }

  @Test
  void theDashboardShipsForGrafanasSidecarAsTheRepositoryHoldsIt() throws Exception {
    JsonNode dashboard = OperatorChart.render().one("ConfigMap");
    ObjectMapper json = new ObjectMapper();

    assertThat(dashboard.path("metadata").path("labels").path("grafana_dashboard").asText())
        .isEqualTo("1");
    assertThat(json.readTree(dashboard.path("data").path("agent-runtime.json").asText()))
        .isEqualTo(
            json.readTree(
                OperatorChart.DIRECTORY.resolve("dashboards/agent-runtime.json").toFile()));
    assertThat(OperatorChart.render(Map.of("dashboard.enabled", false)).kinds())
        .doesNotContain("ConfigMap");
  }

  @Test
  void defaultDeploymentRunsTwoHardenedReplicasWithLeaderElection() {
    RenderedChart chart = OperatorChart.render();
    JsonNode deployment = chart.one("Deployment");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = chart.operatorContainer();

    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(container.path("image").asText()).isEqualTo("ghcr.io/agentruntime/operator:0.1.0");
    assertThat(texts(container.path("args")))
        .containsExactly(
            "run", "--http-port=8081", "--leader-election", "--lease-name=agent-runtime-operator");
    assertThat(pod.path("securityContext").path("runAsUser").asLong()).isEqualTo(10001);
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean())
        .isTrue();
    assertThat(texts(container.path("securityContext").path("capabilities").path("drop")))
        .containsExactly("ALL");
    assertThat(container.path("securityContext").path("seccompProfile").path("type").asText())
        .isEqualTo("RuntimeDefault");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/readyz");
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
        .isEqualTo("/healthz");
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8081);
    assertThat(texts(pod.path("topologySpreadConstraints"), "topologyKey"))
        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    assertThat(chart.env("WATCH_NAMESPACES")).as("watches every namespace").isNull();
    assertThat(chart.env("AGENT_RUNTIME_DYNAMODB_ENDPOINT")).isNull();
    assertThat(chart.env("AGENT_RUNTIME_PROMETHEUS_URL"))
        .as("the operator's own default applies")
        .isNull();
  }

  @Test
  void customValuesReachTheOperatorsEnvironmentAndResources() {
    RenderedChart chart = OperatorChart.render(OperatorChart.CUSTOM_VALUES);
    JsonNode resources = chart.operatorContainer().path("resources");

    assertThat(chart.env("WATCH_NAMESPACES")).isEqualTo("agents,payments");
    assertThat(chart.env("AWS_REGION")).isEqualTo("eu-west-1");
    assertThat(chart.env("AGENT_RUNTIME_DYNAMODB_ENDPOINT"))
        .isEqualTo("http://dynamodb-local.tools.svc:8000");
    assertThat(chart.env("AGENT_RUNTIME_PROMETHEUS_URL"))
        .isEqualTo("http://prometheus.monitoring.svc:9090");
    assertThat(chart.env("JAVA_TOOL_OPTIONS")).isEqualTo("-Xlog:gc");
    assertThat(resources.path("requests").path("memory").asText()).isEqualTo("384Mi");
    assertThat(resources.path("limits").path("cpu").asText()).isEqualTo("1");
  }

  @Test
  void roleArnAnnotatesTheServiceAccountForIrsaBesideOtherAnnotations() {
    JsonNode annotations =
        OperatorChart.render(OperatorChart.CUSTOM_VALUES)
            .one("ServiceAccount")
            .path("metadata")
            .path("annotations");

    assertThat(annotations.path("eks.amazonaws.com/role-arn").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/agent-runtime-operator");
    assertThat(annotations.path("example.com/team").asText()).isEqualTo("platform");
  }

  @Test
  void serviceMonitorScrapesTheMetricsServiceOfTheOperatorPods() {
    RenderedChart chart = OperatorChart.render(OperatorChart.CUSTOM_VALUES);
    JsonNode monitor = chart.one("ServiceMonitor");
    JsonNode service = chart.one("Service");
    JsonNode podLabels =
        chart.one("Deployment").path("spec").path("template").path("metadata").path("labels");

    assertThat(monitor.path("metadata").path("labels").path("release").asText())
        .isEqualTo("kube-prometheus-stack");
    assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText())
        .isEqualTo(service.path("spec").path("ports").get(0).path("name").asText());
    assertThat(monitor.path("spec").path("endpoints").get(0).path("interval").asText())
        .isEqualTo("15s");
    service
        .path("spec")
        .path("selector")
        .properties()
        .forEach(label -> assertThat(podLabels.path(label.getKey())).isEqualTo(label.getValue()));
    monitor
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(
            label ->
                assertThat(service.path("metadata").path("labels").path(label.getKey()))
                    .isEqualTo(label.getValue()));
  }

  @Test
  void withoutLeaderElectionNoLeaseIsRequestedOrGranted() {
    RenderedChart chart = OperatorChart.render(Map.of("leaderElection.enabled", false));

    assertThat(texts(chart.operatorContainer().path("args")))
        .contains("--no-leader-election")
        .doesNotContain("--leader-election");
    assertThat(chart.kinds()).doesNotContain("Role", "RoleBinding");
  }

  @Test
  void aMisspelledValueIsRefusedByTheValuesSchema() {
    assertThatThrownBy(() -> OperatorChart.render(Map.of("replicas", 3)))
        .hasMessageContaining("replicas");
  }

  @Test
  void aWatchedNamespaceThatIsNoNamespaceNameIsRefused() {
    assertThatThrownBy(() -> OperatorChart.render(Map.of("watchNamespaces[0]", "Agents_Prod")))
        .hasMessageContaining("watchNamespaces");
  }

  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.path(field).asText()));
    return texts;
  }
}
