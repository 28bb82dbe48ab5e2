package io.agentruntime.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.GpuNodePoolRenderer;
import io.agentruntime.operator.render.RenderCases;
import io.agentruntime.operator.render.RuntimeDestinationRuleRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the operator renders for an add-on (Istio, Karpenter, KEDA, prometheus-operator)
 * passes the add-on's own CEL rules, which the JSON-schema checks cannot see: those of the upstream
 * CRDs in shared/schemas, and of the fixtures standing for older releases (Karpenter 1.0 to 1.8's
 * label domains). A rule this check cannot evaluate is reported as a skipped test with its text.
 */
class AddOnCrdRulesTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final AddOnCrds CRDS = AddOnCrds.load();
  private static final Path KARPENTER_1_0 =
      Path.of("src", "test", "resources", "addon-crds")
          .resolve("karpenter-1.0-to-1.8-nodepool-template-labels.yaml");

  /** Every add-on object rendered for every example and render case, by its source and kind. */
  static Stream<Arguments> renderedAddOnObjects() {
    List<Arguments> objects = new ArrayList<>();
    for (String example : AgentRuntimeFixtures.exampleNames()) {
      var cr = AgentRuntimeFixtures.example(example);
      AgentRuntimeRenderer.render(cr).forEach(object -> objects.add(arguments(example, object)));
    }
    for (String name : RenderCases.names()) {
      AgentRuntimeRenderer.render(RenderCases.load(name))
          .forEach(object -> objects.add(arguments(name, object)));
    }
    return objects.stream()
        .filter(
            arguments -> {
              var object = (HasMetadata) arguments.get()[2];
              return !CRDS.of(object.getApiVersion(), object.getKind()).isEmpty();
            });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("renderedAddOnObjects")
  void renderedObjectPassesTheAddOnsRules(String source, String kind, HasMetadata object) {
    JsonNode json = SERIALIZATION.convertValue(object, JsonNode.class);

    for (AddOnCrds.AddOnCrd crd : CRDS.of(object.getApiVersion(), object.getKind())) {
      assertThat(crd.rules().failed())
          .as("%s: rules this check cannot compile", crd.source())
          .isEmpty();
      assertThat(new CrdAdmission(crd.rules()).validate(json))
          .as("%s against %s", kind, crd.source())
          .isEmpty();
    }
  }

  @Test
  void karpenterBefore19RefusesTemplateLabelsInTheKubernetesIoDomain() {
    var pool =
        AgentRuntimeFixtures.rendered(
            AgentRuntimeFixtures.example("full"), GpuNodePoolRenderer::render);
    @SuppressWarnings("unchecked")
    var template =
        (Map<String, Object>)
            ((Map<String, Object>) pool.getSpec().get("template")).get("metadata");
    template.put("labels", Map.of("app.kubernetes.io/name", "agent-runtime"));

    var fixture =
        CRDS.of("karpenter.sh/v1", "NodePool").stream()
            .filter(crd -> crd.source().equals(KARPENTER_1_0))
            .findFirst()
            .orElseThrow();

    assertThat(
            new CrdAdmission(fixture.rules())
                .validate(SERIALIZATION.convertValue(pool, JsonNode.class)))
        .extracting(CrdAdmission.Violation::toString)
        .containsExactly(
            "spec.template.metadata.labels: Invalid value: label domain \"kubernetes.io\" is"
                + " restricted");
  }

  @Test
  void istiosRulesAreEvaluatedToo() {
    assumeTrue(
        AddOnCrds.upstreamFolder().isPresent(),
        "upstream CRDs not found: set -D" + AddOnCrds.SCHEMAS_PROPERTY + " to shared/schemas");
    var rule =
        AgentRuntimeFixtures.rendered(
            RenderCases.load("mesh"), RuntimeDestinationRuleRenderer::render);
    rule.getSpec().getTrafficPolicy().getOutlierDetection().setInterval("0s");

    var violations =
        CRDS.of(rule.getApiVersion(), rule.getKind()).stream()
            .flatMap(
                crd ->
                    new CrdAdmission(crd.rules())
                        .validate(SERIALIZATION.convertValue(rule, JsonNode.class)).stream())
            .map(CrdAdmission.Violation::toString)
            .toList();

    assertThat(violations)
        .containsExactly(
            "spec.trafficPolicy.outlierDetection.interval: Invalid value: \"0s\": must be a valid"
                + " duration greater than 1ms");
  }

  @TestFactory
  Stream<DynamicTest> rulesThisCheckCannotEvaluateAreReportedAsSkipped() {
    return renderedAddOnObjects()
        .map(arguments -> (HasMetadata) arguments.get()[2])
        .flatMap(object -> CRDS.of(object.getApiVersion(), object.getKind()).stream())
        .distinct()
        .flatMap(crd -> crd.rules().skipped().stream().map(skipped -> Map.entry(crd, skipped)))
        .map(
            entry ->
                DynamicTest.dynamicTest(
                    entry.getKey().source().getFileName() + " " + entry.getValue().rule(),
                    () ->
                        abort(
                            "not evaluated: "
                                + entry.getValue().reason()
                                + ": "
                                + entry.getValue().rule())));
  }

  private static Arguments arguments(String source, HasMetadata object) {
    return Arguments.of(source, object.getKind(), object);
  }
}
