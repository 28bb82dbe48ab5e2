package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object rendered for every example validates against the upstream Kubernetes 1.35 schemas
 * (strict: unknown fields are errors), and every example validates against the generated CRD.
 */
class SchemaConformanceTest {

  private static final String SCHEMAS_PROPERTY = "agentruntime.schemas.dir";
  private static final Path CRD = Path.of("..", "crds", "agentruntimes.agentruntime.io-v1.yml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  static Stream<Arguments> renderedObjects() {
    return AgentRuntimeFixtures.exampleNames().stream()
        .flatMap(
            example ->
                AgentRuntimeRenderer.render(AgentRuntimeFixtures.example(example)).stream()
                    .map(object -> Arguments.of(example, object.getKind(), object)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("renderedObjects")
  void renderedObjectMatchesTheKubernetesSchema(String example, String kind, HasMetadata object)
      throws IOException {
    assertThat(violations(kubernetesSchema(object), object)).isEmpty();
  }

  @Test
  void schemaCheckRejectsAMistypedField() throws IOException {
    Deployment deployment =
        RuntimeDeploymentRenderer.render(AgentRuntimeFixtures.example("minimal"));
    ObjectNode tree = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(deployment));
    ((ObjectNode) tree.path("spec")).put("replicas", "two");
    ((ObjectNode) tree.path("spec")).put("replica", 2);

    assertThat(kubernetesSchema(deployment).validate(tree)).hasSizeGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("io.agentruntime.operator.render.AgentRuntimeFixtures#exampleNames")
  void exampleMatchesTheGeneratedCrd(String example) throws IOException {
    JsonNode resource =
        new YAMLMapper()
            .readTree(AgentRuntimeFixtures.EXAMPLES.resolve(example + ".yaml").toFile());

    assertThat(crdSchema().validate(resource)).isEmpty();
  }

  @Test
  void crdSchemaRejectsAnUnknownGovernanceMode() throws IOException {
    JsonNode resource =
        new YAMLMapper().readTree(AgentRuntimeFixtures.EXAMPLES.resolve("minimal.yaml").toFile());
    ((ObjectNode) resource.path("spec")).putObject("governance").put("mode", "Block");

    assertThat(crdSchema().validate(resource))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("/spec/governance/mode"));
  }

  private static Set<ValidationMessage> violations(JsonSchema schema, HasMetadata object)
      throws IOException {
    return schema.validate(JSON.readTree(SERIALIZATION.asJson(object)));
  }

  /** {@code <kind>-<group>-<version>.json} of the strict Kubernetes 1.35 set. */
  private static JsonSchema kubernetesSchema(HasMetadata object) throws IOException {
    String schemas = System.getProperty(SCHEMAS_PROPERTY);
    Path folder =
        schemas == null
            ? null
            : Path.of(schemas, "derived", "jsonschema-strict", "kubernetes-v1.35");
    assumeTrue(
        folder != null && Files.isDirectory(folder),
        "upstream schemas not found: set -D"
            + SCHEMAS_PROPERTY
            + " to a checkout of shared/schemas"
            + " (looked in "
            + folder
            + ")");
    String file =
        object.getKind().toLowerCase(Locale.ROOT)
            + "-"
            + object.getApiVersion().replace('/', '-')
            + ".json";
    Path schema = folder.resolve(file);
    return FACTORY.getSchema(
        schema.toUri(), JSON.readTree(schema.toFile()), SchemaValidatorsConfig.builder().build());
  }

  private static JsonSchema crdSchema() throws IOException {
    JsonNode crd = new YAMLMapper().readTree(CRD.toFile());
    JsonNode schema =
        crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
    return FACTORY.getSchema(CRD.toUri(), schema, SchemaValidatorsConfig.builder().build());
  }
}
