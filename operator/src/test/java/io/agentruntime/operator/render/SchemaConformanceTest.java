package io.agentruntime.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.agentruntime.operator.crd.CrdFiles;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.Sidecar;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object rendered for every example and {@link RenderCases case} validates against the
 * upstream Kubernetes 1.35 and Istio 1.30 schemas (strict: unknown fields are errors), every YAML
 * document of the repository's {@code istio/} folder validates against the Istio schemas, and every
 * example validates against the generated CRD.
 *
 * <p>{@code shared/schemas} has no schema for four kinds the {@code istio/} folder uses (Telemetry
 * {@code telemetry.istio.io/v1}, Sidecar and ServiceEntry {@code networking.istio.io/v1},
 * RequestAuthentication {@code security.istio.io/v1}), so those documents are checked strictly
 * against fabric8's typed Istio model instead ({@link ModelConformance}): a misspelled or invented
 * field still fails the build.
 */
class SchemaConformanceTest {

  private static final String SCHEMAS_PROPERTY = "agentruntime.schemas.dir";
  private static final Path CRD = CrdFiles.AGENT_RUNTIMES;
  private static final Path ISTIO_FOLDER = Path.of("..", "istio");
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

  /** What a cluster without any add-on gets: the autoscalers KEDA would otherwise replace. */
  static Stream<Arguments> renderedObjectsWithoutAddOns() {
    return AgentRuntimeFixtures.exampleNames().stream()
        .flatMap(
            example ->
                AgentRuntimeRenderer.render(
                        AgentRuntimeFixtures.example(example),
                        InstalledAddOns.of(Set.of()),
                        RenderSettings.DEFAULTS)
                    .stream()
                    .map(object -> Arguments.of(example, object.getKind(), object)));
  }

  static Stream<Arguments> renderedCaseObjects() {
    return RenderCases.names().stream()
        .flatMap(
            name ->
                AgentRuntimeRenderer.render(RenderCases.load(name)).stream()
                    .map(object -> Arguments.of(name, object.getKind(), object)));
  }

  /** Every YAML document of {@code istio/*.yaml}, with its file and kind. */
  static Stream<Arguments> istioFolderDocuments() throws IOException {
    List<Arguments> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(ISTIO_FOLDER)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (MappingIterator<JsonNode> iterator =
            new YAMLMapper()
                .readValues(new YAMLMapper().createParser(file.toFile()), JsonNode.class)) {
          for (JsonNode document : iterator.readAll()) {
            documents.add(
                Arguments.of(
                    file.getFileName().toString(), document.path("kind").asText(), document));
          }
        }
      }
    }
    return documents.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("renderedObjects")
  void renderedObjectMatchesTheKubernetesSchema(String example, String kind, HasMetadata object)
      throws IOException {
    assertConforms(example, object);
  }

  @ParameterizedTest(name = "{0} without add-ons: {1}")
  @MethodSource("renderedObjectsWithoutAddOns")
  void renderedObjectWithoutAddOnsMatchesTheKubernetesSchema(
      String example, String kind, HasMetadata object) throws IOException {
    assertConforms(example, object);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("renderedCaseObjects")
  void renderedCaseObjectMatchesTheSchema(String name, String kind, HasMetadata object)
      throws IOException {
    assertConforms(name, object);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("istioFolderDocuments")
  void istioFolderDocumentMatchesTheIstioSchema(String file, String kind, JsonNode document)
      throws IOException {
    String apiVersion = document.path("apiVersion").asText();
    Optional<Class<?>> model = ModelConformance.modelOf(apiVersion, kind);
    if (model.isPresent() && !hasSchema(kind, apiVersion)) {
      assertThat(ModelConformance.violation(file, document, model.get())).isEmpty();
      return;
    }
    Path schema = schemaFile(kind, apiVersion);
    assumeTrue(
        Files.isRegularFile(schema),
        "shared/schemas holds no schema for " + kind + " " + apiVersion + " (" + schema + ")");

    assertThat(schema(kind, apiVersion).validate(document)).isEmpty();
  }

  @Test
  void istioModelRejectsAMisspelledSidecarField() throws IOException {
    JsonNode sidecar = new YAMLMapper().readTree(ISTIO_FOLDER.resolve("sidecar.yaml").toFile());
    ObjectNode policy = (ObjectNode) sidecar.path("spec").path("outboundTrafficPolicy");
    policy.set("mod", policy.remove("mode"));

    assertThat(ModelConformance.violation("sidecar.yaml", sidecar, Sidecar.class))
        .hasValue("sidecar.yaml: unknown field 'mod' at spec.outboundTrafficPolicy.mod");
  }

  @Test
  void istioModelRejectsAnUnknownEnumValue() throws IOException {
    JsonNode entry =
        new YAMLMapper().readTree(ISTIO_FOLDER.resolve("dynamodb-service-entry.yaml").toFile());
    ((ObjectNode) entry.path("spec")).put("resolution", "DYNAMIC");

    assertThat(ModelConformance.violation("dynamodb-service-entry.yaml", entry, ServiceEntry.class))
        .hasValue("dynamodb-service-entry.yaml: spec.resolution: value not allowed by the model");
  }

  @Test
  void istioSchemaRejectsAMisspelledField() throws IOException {
    AuthorizationPolicy policy =
        RuntimeAuthorizationPolicyRenderer.render(RenderCases.load("mesh")).orElseThrow();
    ObjectNode tree = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(policy));
    ((ObjectNode) tree.path("spec")).put("action", "PERMIT");
    ((ObjectNode) tree.path("spec")).putArray("rule");

    assertThat(kubernetesSchema(policy).validate(tree)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void kedaScaledObjectMatchesTheKedaSchema() throws IOException {
    HasMetadata scaled =
        AgentRuntimeFixtures.rendered(
            AgentRuntimeFixtures.example("full"),
            (cr, spec) -> InferenceScaledObjectRenderer.render(cr, spec, RenderSettings.DEFAULTS));

    assertThat(violations(kubernetesSchema(scaled), scaled)).isEmpty();
  }

  @Test
  void prometheusOperatorSchemasRejectAMistypedRuleAndEndpoint() throws IOException {
    HasMetadata rule =
        AgentRuntimeFixtures.rendered(
            AgentRuntimeFixtures.minimal(), RuntimePrometheusRuleRenderer::render);
    ObjectNode ruleTree = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(rule));
    ((ObjectNode) ruleTree.at("/spec/groups/0/rules/0")).put("for", "five minutes");
    HasMetadata monitor = RuntimeServiceMonitorRenderer.render(AgentRuntimeFixtures.minimal());
    ObjectNode monitorTree = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(monitor));
    ((ObjectNode) monitorTree.at("/spec/endpoints/0")).put("intervall", "15s");

    assertThat(kubernetesSchema(rule).validate(ruleTree))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("/spec/groups/0/rules/0/for"));
    assertThat(kubernetesSchema(monitor).validate(monitorTree))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("intervall"));
  }

  @Test
  void openApiFallbackRejectsAMistypedField() throws IOException {
    PersistentVolumeClaim claim =
        AgentRuntimeFixtures.rendered(
                AgentRuntimeFixtures.example("full"), ModelCacheRenderer::render)
            .orElseThrow();
    ObjectNode tree = (ObjectNode) JSON.readTree(SERIALIZATION.asJson(claim));
    ((ObjectNode) tree.path("spec")).put("accessModes", "ReadWriteOnce");

    assertThat(violations(kubernetesSchema(claim), claim)).isEmpty();
    assertThat(kubernetesSchema(claim).validate(tree))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains("accessModes"));
  }

  @Test
  void schemaCheckRejectsAMistypedField() throws IOException {
    Deployment deployment =
        AgentRuntimeFixtures.rendered(
            AgentRuntimeFixtures.example("minimal"), RuntimeDeploymentRenderer::render);
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

  /**
   * {@code object} against its upstream schema, or strictly against fabric8's typed model for the
   * kinds {@code shared/schemas} has no schema for.
   */
  private static void assertConforms(String source, HasMetadata object) throws IOException {
    String apiVersion = object.getApiVersion();
    Optional<Class<?>> model = ModelConformance.modelOf(apiVersion, object.getKind());
    if (model.isPresent() && !hasSchema(object.getKind(), apiVersion)) {
      JsonNode tree = JSON.readTree(SERIALIZATION.asJson(object));
      assertThat(ModelConformance.violation(source, tree, model.get())).isEmpty();
      return;
    }
    assertThat(violations(kubernetesSchema(object), object)).isEmpty();
  }

  private static Set<ValidationMessage> violations(JsonSchema schema, HasMetadata object)
      throws IOException {
    return schema.validate(JSON.readTree(SERIALIZATION.asJson(object)));
  }

  /**
   * {@code <kind>-<group>-<version>.json} of the strict Kubernetes 1.35 set, or of the strict CRD
   * set for Istio's kinds.
   */
  private static JsonSchema kubernetesSchema(HasMetadata object) throws IOException {
    return schema(object.getKind(), object.getApiVersion());
  }

  private static JsonSchema schema(String kind, String apiVersion) throws IOException {
    Path schema = schemaFile(kind, apiVersion);
    if (!Files.isRegularFile(schema) && "v1".equals(apiVersion)) {
      return coreOpenApiSchema(kind);
    }
    // KEDA's TriggerAuthentication: shared/schemas holds only the ScaledObject of KEDA's CRDs.
    assumeTrue(
        Files.isRegularFile(schema),
        "shared/schemas holds no schema for " + kind + " " + apiVersion + " (" + schema + ")");
    return FACTORY.getSchema(
        schema.toUri(), JSON.readTree(schema.toFile()), SchemaValidatorsConfig.builder().build());
  }

  /** Where the schema of {@code kind} would be; skips the test without the schemas folder. */
  private static Path schemaFile(String kind, String apiVersion) {
    String schemas = System.getProperty(SCHEMAS_PROPERTY);
    Path strict = schemas == null ? null : Path.of(schemas, "derived", "jsonschema-strict");
    assumeTrue(
        strict != null && Files.isDirectory(strict),
        "upstream schemas not found: set -D"
            + SCHEMAS_PROPERTY
            + " to a checkout of shared/schemas"
            + " (looked in "
            + strict
            + ")");
    String file = schemaName(kind, apiVersion);
    // Kubernetes' own kinds are in kubernetes-v1.35/; CRD kinds (Istio, Karpenter, KEDA) at the
    // top.
    Path kubernetes = strict.resolve("kubernetes-v1.35").resolve(file);
    return Files.isRegularFile(kubernetes) ? kubernetes : strict.resolve(file);
  }

  /**
   * The strict set has no schema for some core kinds (PersistentVolumeClaim): those validate
   * against Kubernetes 1.35's published OpenAPI document itself, which checks types, enums and
   * required fields but, unlike the strict set, not unknown fields (the typed fabric8 builders
   * cannot produce those).
   */
  private static JsonSchema coreOpenApiSchema(String kind) throws IOException {
    Path openApi =
        Path.of(System.getProperty(SCHEMAS_PROPERTY))
            .resolve("kubernetes/openapi-v3/v1.35/api__v1_openapi.json");
    assumeTrue(Files.isRegularFile(openApi), "no schema for " + kind + " v1 in " + openApi);
    JsonNode document = JSON.readTree(openApi.toFile());
    JsonNode component =
        document.path("components").path("schemas").path("io.k8s.api.core.v1." + kind);
    assumeTrue(!component.isMissingNode(), "no schema for " + kind + " v1 in " + openApi);
    ObjectNode root = component.deepCopy();
    root.set("components", document.path("components"));
    return FACTORY.getSchema(openApi.toUri(), root, SchemaValidatorsConfig.builder().build());
  }

  private static String schemaName(String kind, String apiVersion) {
    return kind.toLowerCase(Locale.ROOT) + "-" + apiVersion.replace('/', '-') + ".json";
  }

  /** Whether shared/schemas is present and holds a schema for {@code kind}. */
  private static boolean hasSchema(String kind, String apiVersion) {
    String schemas = System.getProperty(SCHEMAS_PROPERTY);
    return schemas != null
        && Files.isRegularFile(
            Path.of(schemas, "derived", "jsonschema-strict").resolve(schemaName(kind, apiVersion)));
  }

  private static JsonSchema crdSchema() throws IOException {
    JsonNode crd = new YAMLMapper().readTree(CRD.toFile());
    JsonNode schema =
        crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
    return FACTORY.getSchema(CRD.toUri(), schema, SchemaValidatorsConfig.builder().build());
  }
}
