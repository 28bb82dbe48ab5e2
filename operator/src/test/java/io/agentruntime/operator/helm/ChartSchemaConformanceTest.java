package io.agentruntime.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.agentruntime.operator.render.ModelConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the chart renders, with its default and with non-default values, validates against
 * the upstream schemas in {@code shared/schemas}: the strict set (Kubernetes 1.35, unknown fields
 * are errors; prometheus-operator's ServiceMonitor), else Kubernetes 1.35's published OpenAPI
 * document of the object's API group.
 *
 * <p>{@code shared/schemas} holds neither for {@code rbac.authorization.k8s.io/v1} nor for {@code
 * admissionregistration.k8s.io/v1}, so the RBAC objects and the ValidatingAdmissionPolicy and its
 * binding are checked strictly against fabric8's typed model instead ({@link ModelConformance});
 * they move to the upstream schema as soon as their group's document (e.g. {@code
 * kubernetes/openapi-v3/v1.35/apis__rbac.authorization.k8s.io__v1_openapi.json}) is added there.
 */
class ChartSchemaConformanceTest {

  private static final String SCHEMAS_PROPERTY = "agentruntime.schemas.dir";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  static Stream<Arguments> renderedObjects() {
    return Stream.concat(
        objects("default values", OperatorChart.render()),
        objects("custom values", OperatorChart.render(OperatorChart.CUSTOM_VALUES)));
  }

  private static Stream<Arguments> objects(String values, RenderedChart chart) {
    return chart.objects().stream()
        .map(object -> Arguments.of(values, object.path("kind").asText(), object));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("renderedObjects")
  void renderedObjectMatchesItsUpstreamSchema(String values, String kind, JsonNode object)
      throws IOException {
    Optional<JsonSchema> schema = schema(object);
    Optional<Class<?>> model =
        ModelConformance.modelOf(object.path("apiVersion").asText(), object.path("kind").asText());
    if (schema.isEmpty() && model.isPresent()) {
      assertThat(ModelConformance.violation(kind, object, model.get())).isEmpty();
      return;
    }
    assumeTrue(schema.isPresent(), () -> "shared/schemas holds no schema for " + describe(object));

    assertThat(schema.get().validate(object)).isEmpty();
  }

  @Test
  void schemaCheckRejectsAMisspelledDeploymentField() throws IOException {
    ObjectNode deployment = OperatorChart.render().one("Deployment").deepCopy();
    ((ObjectNode) deployment.path("spec")).put("replica", 2);

    assertThat(schema(deployment).orElseThrow().validate(deployment))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("replica"));
  }

  @Test
  void rbacModelCheckRejectsAMisspelledRuleField() {
    ObjectNode role = OperatorChart.render().one("ClusterRole").deepCopy();
    ObjectNode rule = (ObjectNode) role.path("rules").get(0);
    rule.set("verb", rule.remove("verbs"));

    assertThat(
            ModelConformance.violation(
                "ClusterRole",
                role,
                ModelConformance.modelOf("rbac.authorization.k8s.io/v1", "ClusterRole")
                    .orElseThrow()))
        .hasValueSatisfying(violation -> assertThat(violation).contains("'verb'"));
  }

  /** The strict schema of the object's kind, else its OpenAPI component, else empty. */
  private static Optional<JsonSchema> schema(JsonNode object) throws IOException {
    Path strict = strictSchemas();
    String file = schemaFileName(object);
    for (Path candidate :
        new Path[] {strict.resolve("kubernetes-v1.35").resolve(file), strict.resolve(file)}) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(
            FACTORY.getSchema(
                candidate.toUri(),
                JSON.readTree(candidate.toFile()),
                SchemaValidatorsConfig.builder().build()));
      }
    }
    return openApiSchema(object.path("kind").asText(), object.path("apiVersion").asText());
  }

  /**
   * The kind's component of Kubernetes 1.35's OpenAPI document for its group: checks types, enums
   * and required fields, though not unknown fields as the strict set does.
   */
  private static Optional<JsonSchema> openApiSchema(String kind, String apiVersion)
      throws IOException {
    // rbac.authorization.k8s.io/v1 -> apis__rbac.authorization.k8s.io__v1, io.k8s.api.rbac.v1
    boolean core = !apiVersion.contains("/");
    String document =
        core ? "api__v1_openapi.json" : "apis__" + apiVersion.replace("/", "__") + "_openapi.json";
    Path openApi =
        Path.of(
            System.getProperty(SCHEMAS_PROPERTY), "kubernetes", "openapi-v3", "v1.35", document);
    if (!Files.isRegularFile(openApi)) {
      return Optional.empty();
    }
    String groupVersion = core ? "core/" + apiVersion : apiVersion;
    String group = groupVersion.substring(0, groupVersion.indexOf('/')).split("\\.")[0];
    String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
    JsonNode openApiDocument = JSON.readTree(openApi.toFile());
    JsonNode component =
        openApiDocument
            .path("components")
            .path("schemas")
            .path("io.k8s.api." + group + "." + version + "." + kind);
    if (component.isMissingNode()) {
      return Optional.empty();
    }
    ObjectNode root = component.deepCopy();
    root.set("components", openApiDocument.path("components"));
    return Optional.of(
        FACTORY.getSchema(openApi.toUri(), root, SchemaValidatorsConfig.builder().build()));
  }

  private static String schemaFileName(JsonNode object) {
    return object.path("kind").asText().toLowerCase(Locale.ROOT)
        + "-"
        + object.path("apiVersion").asText().replace('/', '-')
        + ".json";
  }

  private static String describe(JsonNode object) {
    return object.path("kind").asText()
        + " "
        + object.path("apiVersion").asText()
        + ": neither derived/jsonschema-strict/"
        + schemaFileName(object)
        + " nor its group's document in kubernetes/openapi-v3/v1.35/";
  }

  /** {@code derived/jsonschema-strict}; skips the test where {@code shared/schemas} is absent. */
  private static Path strictSchemas() {
    String schemas = System.getProperty(SCHEMAS_PROPERTY);
    Path strict = schemas == null ? null : Path.of(schemas, "derived", "jsonschema-strict");
    assumeTrue(
        strict != null && Files.isDirectory(strict),
        "upstream schemas not found: set -D"
            + SCHEMAS_PROPERTY
            + " to a checkout of shared/schemas (looked in "
            + strict
            + ")");
    return strict;
  }
}
