package io.agentruntime.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  private static final String MINIMAL = Path.of("..", "examples", "minimal.yaml").toString();
  private static final String FULL = Path.of("..", "examples", "full.yaml").toString();

  private static final String NO_NAMESPACE =
      """
      apiVersion: agentruntime.io/v1alpha1
      kind: AgentRuntime
      metadata: {name: lone}
      spec:
        image: ghcr.io/agentruntime/runtime:0.1.0
        intents: [{name: ping, backend: {echo: {}}}]
      """;

  @TempDir Path temp;

  @Test
  void printsEveryObjectOfAValidResource() throws IOException {
    RenderRun result = RenderRun.of("", "-f", MINIMAL);

    assertThat(result.exitCode()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(documents(result.out()))
        .extracting(object -> object.path("kind").asText())
        .containsExactly(
            "ServiceAccount",
            "ConfigMap",
            "Deployment",
            "Service",
            "HorizontalPodAutoscaler",
            "PodDisruptionBudget",
            "ServiceMonitor",
            "PrometheusRule");
    assertThat(result.out()).doesNotContain("null").doesNotContain("status:");
  }

  @Test
  void printsWhatAClusterWithEveryAddOnGetsByDefault() throws IOException {
    RenderRun result = RenderRun.of("", "-f", FULL);

    assertThat(kinds(result)).contains("NodePool", "ScaledObject", "DestinationRule");
    assertThat(documents(result.out()))
        .filteredOn(object -> object.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .extracting(object -> object.path("metadata").path("name").asText())
        .as("the model servers are scaled by KEDA, not by an HPA")
        .containsExactly("support");
  }

  @Test
  void printsOnlyTheKindsOfTheNamedAddOns() throws IOException {
    RenderRun result = RenderRun.of("", "-f", FULL, "--addons", " karpenter,prometheus-operator ");

    assertThat(result.exitCode()).isZero();
    assertThat(kinds(result))
        .contains("NodePool", "ServiceMonitor", "PrometheusRule")
        .doesNotContain("ScaledObject", "DestinationRule", "AuthorizationPolicy");
    assertThat(documents(result.out()))
        .filteredOn(object -> object.path("kind").asText().equals("HorizontalPodAutoscaler"))
        .extracting(object -> object.path("metadata").path("name").asText())
        .containsExactly("support", "support-inference");
  }

  @Test
  void noneAndAnEmptyListMeanAClusterWithoutAddOns() throws IOException {
    List<String> none = kinds(RenderRun.of("", "-f", FULL, "--addons", "none"));

    assertThat(kinds(RenderRun.of("", "-f", FULL, "--addons", ""))).isEqualTo(none);
    assertThat(none)
        .doesNotContain(
            "NodePool", "ScaledObject", "ServiceMonitor", "PeerAuthentication", "PrometheusRule");
  }

  @Test
  void kedaQueriesThePrometheusNamed() {
    RenderRun result =
        RenderRun.of(
            "", "-f", FULL, "--addons", "keda", "--prometheus-url", "http://prom.tools:9090");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("http://prom.tools:9090")
        .doesNotContain("prometheus-operated");
  }

  @Test
  void anUnknownAddOnIsAUsageErrorNamingTheKnownOnes() {
    RenderRun result = RenderRun.of("", "-f", FULL, "--addons", "istio,linkerd");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("--addons: unknown add-on 'linkerd'")
        .contains("istio, karpenter, keda, prometheus-operator");
  }

  @Test
  void printsTheSameOutputEveryTime() {
    assertThat(RenderRun.of("", "-f", MINIMAL).out())
        .isEqualTo(RenderRun.of("", "-f", MINIMAL).out());
  }

  @Test
  void rendersEveryDocumentOfAStreamFromStandardInput() throws IOException {
    String both = Files.readString(Path.of(MINIMAL)) + "---\n" + NO_NAMESPACE;

    RenderRun result = RenderRun.of(both, "-f", "-", "--namespace", "tools");

    assertThat(result.exitCode()).isZero();
    assertThat(documents(result.out()))
        .hasSize(16)
        .extracting(object -> object.path("metadata").path("namespace").asText())
        .containsOnly("agents", "tools");
  }

  @Test
  void putsResourcesWithoutNamespaceInTheDefaultNamespace() throws IOException {
    RenderRun result = RenderRun.of(NO_NAMESPACE, "-f", "-");

    assertThat(documents(result.out()))
        .extracting(object -> object.path("metadata").path("namespace").asText())
        .containsOnly("default");
  }

  @Test
  void invalidResourceExitsWithOneAndNamesTheField() throws IOException {
    Path file = temp.resolve("bad.yaml");
    Files.writeString(
        file, NO_NAMESPACE.replace("backend: {echo: {}}", "backend: {echo: {}}, timeout: soon"));

    RenderRun result = RenderRun.of("", "-f", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("AgentRuntime default/lone")
        .contains(
            "spec.intents[0].timeout: Invalid value: \"soon\": does not match the regex pattern");
  }

  @Test
  void unknownFieldIsAnErrorNamingIt() {
    RenderRun result = RenderRun.of(NO_NAMESPACE.replace("image:", "imag:"), "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("spec.imag: unknown field");
  }

  @Test
  void badEnumValueNamesTheFieldAndTheAcceptedValues() {
    RenderRun result = RenderRun.of(NO_NAMESPACE + "  governance: {mode: Block}\n", "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "spec.governance.mode: Unsupported value: \"Block\": supported values: \"Audit\","
                + " \"Enforce\"");
  }

  @Test
  void malformedYamlNamesTheLine() {
    RenderRun result = RenderRun.of(NO_NAMESPACE + "  replicas: {min: 2\n", "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("error: <stdin> (line ").contains("not valid YAML");
  }

  @Test
  void otherKindsAreRejected() {
    RenderRun result =
        RenderRun.of("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "-f", "-");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("<stdin> document 1").contains("v1 ConfigMap");
  }

  @Test
  void governancePoliciesAreValidatedAndPrintNothing() {
    String policies =
        """
        apiVersion: agentruntime.io/v1alpha1
        kind: GovernancePolicy
        metadata: {name: good, namespace: agents}
        spec:
          runtime: support
          cedar: permit(principal, action == Action::"call_reasoning", resource);
        ---
        apiVersion: agentruntime.io/v1alpha1
        kind: GovernancePolicy
        metadata: {name: broken, namespace: agents}
        spec:
          runtime: support
          cedar: |
            permit(principal, action, resource)
            when { context.tier == };
        """;

    RenderRun valid = RenderRun.of(policies.substring(0, policies.indexOf("---")), "-f", "-");
    RenderRun invalid = RenderRun.of(policies, "-f", "-");

    assertThat(valid.exitCode()).isZero();
    assertThat(valid.out()).isEmpty();
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.err())
        .contains("document 2 (GovernancePolicy agents/broken): spec.cedar: line 2")
        .doesNotContain("good");
  }

  @Test
  void missingFileIsNamed() {
    RenderRun result = RenderRun.of("", "-f", temp.resolve("absent.yaml").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("absent.yaml: no such file");
  }

  @Test
  void helpSaysWhatIsRenderedAndForWhichAddOns() {
    RenderRun result = RenderRun.of("", "--help");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().replaceAll("\\s+", " "))
        .contains("Karpenter NodePool")
        .contains("DestinationRule, VirtualService")
        .contains("KEDA's ScaledObject (without KEDA, a HorizontalPodAutoscaler)")
        .contains("--addons=ADDONS")
        .contains("GovernancePolicy documents are validated");
  }

  private static List<String> kinds(RenderRun result) throws IOException {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return documents(result.out()).stream().map(object -> object.path("kind").asText()).toList();
  }

  private static List<JsonNode> documents(String yaml) throws IOException {
    try (MappingIterator<JsonNode> nodes =
        new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      return nodes.readAll().stream().filter(node -> !node.isNull() && !node.isEmpty()).toList();
    }
  }
}
