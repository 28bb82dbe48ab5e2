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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object the chart renders, with its default and with non-default values, validates against
 * the upstream schemas in {@code shared/schemas}: the strict set (Kubernetes 1.35, unknown fields
 * are errors; prometheus-operator's ServiceMonitor), else Kubernetes 1.35's published OpenAPI
 * document of the object's API group. Kinds with neither (RBAC: {@code shared/schemas} holds no
 * {@code rbac.authorization.k8s.io} schema) are skipped with a message naming the missing file.
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
    assertThat(schema(object).validate(object)).isEmpty();
  }

  @Test
  void schemaCheckRejectsAMisspelledDeploymentField() throws IOException {
    ObjectNode deployment = OperatorChart.render().one("Deployment").deepCopy();
    ((ObjectNode) deployment.path("spec")).put("replica", 2);

    assertThat(schema(deployment).validate(deployment))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("replica"));
  }

  private static JsonSchema schema(JsonNode object) throws IOException {
    String kind = object.path("kind").asText();
    String apiVersion = object.path("apiVersion").asText();
    Path strict = strictSchemas();
    String file = kind.toLowerCase(Locale.ROOT) + "-" + apiVersion.replace('/', '-') + ".json";
    for (Path candidate :
        new Path[] {strict.resolve("kubernetes-v1.35").resolve(file), strict.resolve(file)}) {
      if (Files.isRegularFile(candidate)) {
        return FACTORY.getSchema(
            candidate.toUri(),
            JSON.readTree(candidate.toFile()),
            SchemaValidatorsConfig.builder().build());
      }
    }
    return openApiSchema(kind, apiVersion);
  }

  /**
   * The kind's component of Kubernetes 1.35's OpenAPI document for its group: checks types, enums
   * and required fields, though not unknown fields as the strict set does.
   */
  private static JsonSchema openApiSchema(String kind, String apiVersion) throws IOException {
    boolean core = !apiVersion.contains("/");
    String document =
        core ? "api__v1_openapi.json" : "apis__" + apiVersion.replace("/", "__") + "_openapi.json";
    Path openApi =
        Path.of(
            System.getProperty(SCHEMAS_PROPERTY), "kubernetes", "openapi-v3", "v1.35", document);
    assumeTrue(
        Files.isRegularFile(openApi),
        "shared/schemas holds no schema for "
            + kind
            + " "
            + apiVersion
            + ": neither "
            + kind.toLowerCase(Locale.ROOT)
            + "-"
            + apiVersion.replace('/', '-')
            + ".json in derived/jsonschema-strict nor "
            + openApi);
    // rbac.authorization.k8s.io/v1 -> io.k8s.api.rbac.v1, v1 -> io.k8s.api.core.v1
    String groupVersion = core ? "core/" + apiVersion : apiVersion;
    String group = groupVersion.substring(0, groupVersion.indexOf('/')).split("\\.")[0];
    String version = groupVersion.substring(groupVersion.indexOf('/') + 1);
    JsonNode openApiDocument = JSON.readTree(openApi.toFile());
    JsonNode component =
        openApiDocument
            .path("components")
            .path("schemas")
            .path("io.k8s.api." + group + "." + version + "." + kind);
    assumeTrue(!component.isMissingNode(), "no schema for " + kind + " in " + openApi);
    ObjectNode root = component.deepCopy();
    root.set("components", openApiDocument.path("components"));
    return FACTORY.getSchema(openApi.toUri(), root, SchemaValidatorsConfig.builder().build());
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
