package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.InferenceDefaults;
import io.agentruntime.operator.render.ModelConformance;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's optional ValidatingAdmissionPolicy: rendered only on request, valid against
 * Kubernetes' types, and its CEL, evaluated as the API server would, admits and refuses example
 * AgentRuntimes with messages naming the field at fault. The mock API server has no admission; the
 * k3s suite checks a real refusal.
 */
class AdmissionPolicyTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Map<String, Object> LIMITS =
      Map.of(
          "admissionPolicy.enabled", true,
          "admissionPolicy.runtimeImages[0]", "ghcr.io/agentruntime/",
          "admissionPolicy.inferenceImages[0]", "vllm/vllm-openai:",
          "admissionPolicy.nodeClasses[0]", "gpu");

  private static final AdmissionPolicyCel POLICY =
      AdmissionPolicyCel.of(
          OperatorChart.render(LIMITS).one("ValidatingAdmissionPolicy").path("spec"));

  @Test
  void isOffByDefault() {
    assertThat(OperatorChart.render().kinds())
        .doesNotContain("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding");
  }

  @Test
  void bindsThePolicyToAgentRuntimesButNotToTheirStatus() {
    RenderedChart chart = OperatorChart.render(LIMITS);
    JsonNode policy = chart.one("ValidatingAdmissionPolicy");
    JsonNode binding = chart.one("ValidatingAdmissionPolicyBinding");

    assertThat(binding.at("/spec/policyName").asText())
        .isEqualTo(policy.at("/metadata/name").asText())
        .isEqualTo("agent-runtime-operator-agentruntimes");
    assertThat(binding.at("/spec/validationActions").toString()).isEqualTo("[\"Deny\"]");
    JsonNode rule = policy.at("/spec/matchConstraints/resourceRules/0");
    assertThat(rule.path("apiGroups").toString()).isEqualTo("[\"agentruntime.io\"]");
    assertThat(rule.path("resources").toString())
        .as("the operator's status patches go to agentruntimes/status and are never refused")
        .isEqualTo("[\"agentruntimes\"]");
    assertThat(rule.path("operations").toString()).isEqualTo("[\"CREATE\",\"UPDATE\"]");
    assertThat(policy.at("/spec/failurePolicy").asText()).isEqualTo("Fail");
    for (JsonNode object : List.of(policy, binding)) {
      Class<?> model =
          ModelConformance.modelOf(object.path("apiVersion").asText(), object.path("kind").asText())
              .orElseThrow();
      assertThat(ModelConformance.violation(object.path("kind").asText(), object, model)).isEmpty();
    }
  }

  @Test
  void admitsTheExamplesWithinTheLimits() throws IOException {
    ObjectNode full = example("full");
    ((ObjectNode) full.at("/spec/inference/nodePool")).put("nodeClassName", "gpu");

    assertThat(POLICY.refusals(full)).isEmpty();
    assertThat(POLICY.refusals(example("minimal"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/spec/image | docker.io/evil/runtime:0.1.0 | spec.image docker.io/evil/runtime:0.1.0 is"
            + " not from an allowed registry or repository: ghcr.io/agentruntime/",
        "/spec/image | ghcr.io/agentruntime-evil/runtime:0.1.0 | spec.image"
            + " ghcr.io/agentruntime-evil/runtime:0.1.0 is not from an allowed registry or"
            + " repository: ghcr.io/agentruntime/",
        "/spec/inference/image | ghcr.io/evil/vllm:latest | spec.inference.image"
            + " ghcr.io/evil/vllm:latest is not from an allowed registry or repository:"
            + " vllm/vllm-openai:",
        "/spec/inference/nodePool/nodeClassName | privileged | spec.inference.nodePool"
            + ".nodeClassName privileged is not an allowed EC2NodeClass: gpu"
      })
  void refusesWhatIsOutsideTheLimitsNamingTheField(String pointer, String value, String message)
      throws IOException {
    ObjectNode runtime = example("full");
    ((ObjectNode) runtime.at("/spec/inference/nodePool")).put("nodeClassName", "gpu");
    int slash = pointer.lastIndexOf('/');
    ((ObjectNode) runtime.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);

    assertThat(POLICY.refusals(runtime)).containsExactly(message);
  }

  /** An unnamed node class is the operator's default one, and is held to the same list. */
  @Test
  void anUnnamedNodeClassIsTheDefaultOneUnlessNoNodePoolIsCreated() throws IOException {
    ObjectNode runtime = example("full");
    ((ObjectNode) runtime.at("/spec/inference/nodePool")).remove("nodeClassName");

    assertThat(POLICY.refusals(runtime))
        .containsExactly(
            "spec.inference.nodePool.nodeClassName "
                + InferenceDefaults.NODE_CLASS
                + " is not an allowed EC2NodeClass: gpu");

    ((ObjectNode) runtime.at("/spec/inference/nodePool")).put("create", false);
    ((ObjectNode) runtime.at("/spec/inference/nodePool")).put("nodeClassName", "privileged");
    assertThat(POLICY.refusals(runtime)).as("no NodePool is created").isEmpty();
  }

  @Test
  void emptyListsSetNoLimit() throws IOException {
    AdmissionPolicyCel open =
        AdmissionPolicyCel.of(
            OperatorChart.render(Map.of("admissionPolicy.enabled", true))
                .one("ValidatingAdmissionPolicy")
                .path("spec"));
    ObjectNode runtime = example("full");
    runtime.with("spec").put("image", "docker.io/anyone/runtime:1");
    ((ObjectNode) runtime.at("/spec/inference/nodePool")).put("nodeClassName", "anything");

    assertThat(open.refusals(runtime)).isEmpty();
  }

  /** A prefix must end at a boundary, or ghcr.io/acme would admit ghcr.io/acme-evil/... */
  @Test
  void theValuesSchemaRefusesAPrefixThatStopsMidName() {
    assertThatThrownBy(
            () ->
                OperatorChart.render(
                    Map.of(
                        "admissionPolicy.enabled",
                        true,
                        "admissionPolicy.runtimeImages[0]",
                        "ghcr.io/agentruntime")))
        .hasMessageContaining("runtimeImages");
    assertThatThrownBy(
            () ->
                OperatorChart.render(
                    Map.of(
                        "admissionPolicy.validationActions[0]", "Deny",
                        "admissionPolicy.validationActions[1]", "Warn")))
        .hasMessageContaining("validationActions");
  }

  private static ObjectNode example(String name) throws IOException {
    JsonNode yaml = YAML.readTree(AgentRuntimeFixtures.EXAMPLES.resolve(name + ".yaml").toFile());
    return (ObjectNode) JSON.readTree(JSON.writeValueAsString(yaml));
  }
}
