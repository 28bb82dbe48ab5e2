package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One of the operator's CRDs, checked as the API server checks a create: the structural schema
 * (types, required fields, enums, bounds, patterns, sizes), then the schema's defaults, the list
 * types' uniqueness, unknown fields and every CEL rule ({@link CrdAdmission}). Refusals name the
 * field as the API server does: {@code spec.replicas.min: Invalid value: 0: ...}. The render
 * command checks its input with the CRDs the build generated, so it refuses what a cluster would.
 */
public final class CrdSchema {

  /** The version of both CRDs. */
  public static final String VERSION = "v1alpha1";

  /** Where the build puts the CRD of each kind (on the class path). */
  private static final Map<String, String> GENERATED =
      Map.of(
          "AgentRuntime", "/META-INF/fabric8/agentruntimes.agentruntime.io-v1.yml",
          "GovernancePolicy", "/META-INF/fabric8/governancepolicies.agentruntime.io-v1.yml");

  private static final Map<String, CrdSchema> LOADED = new ConcurrentHashMap<>();

  private static final JsonSchemaFactory JSON_SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private final JsonSchema schema;
  private final CrdCelRules rules;

  private CrdSchema(JsonSchema schema, CrdCelRules rules) {
    this.schema = schema;
    this.rules = rules;
  }

  /** The checks of version {@link #VERSION} of {@code crd}. */
  public static CrdSchema of(JsonNode crd, URI source) {
    JsonNode root = CrdSchemaWalk.versionSchema(crd, VERSION);
    return new CrdSchema(
        JSON_SCHEMA.getSchema(source, root, SchemaValidatorsConfig.builder().build()),
        CrdCelRules.of(crd, VERSION));
  }

  /** Whether {@code kind} is one of the operator's. */
  public static boolean covers(String kind) {
    return GENERATED.containsKey(kind);
  }

  /** The checks of {@code kind}'s CRD as the build generated it, loaded once. */
  public static CrdSchema generated(String kind) {
    String resource = GENERATED.get(kind);
    if (resource == null) {
      throw new IllegalArgumentException("not a kind of the operator: " + kind);
    }
    return LOADED.computeIfAbsent(kind, k -> load(resource));
  }

  /**
   * Why the API server would refuse to create {@code resource}, each as {@code path: message};
   * empty when it would accept it.
   */
  public List<String> refusals(JsonNode resource) {
    List<String> refusals = new ArrayList<>();
    for (ValidationMessage message : schema.validate(resource)) {
      refusals.add(describe(message));
    }
    new CrdAdmission(rules)
        .validate(resource)
        .forEach(violation -> refusals.add(violation.toString()));
    return refusals;
  }

  /** The compiled CEL rules. */
  CrdCelRules rules() {
    return rules;
  }

  /** A schema violation as the API server words it, its field written {@code spec.a[0].b}. */
  private static String describe(ValidationMessage message) {
    String path = dotted(message.getInstanceLocation().toString());
    return switch (message.getType()) {
      case "required" -> join(path, String.valueOf(message.getProperty())) + ": Required value";
      case "enum" ->
          path
              + ": Unsupported value: "
              + message.getInstanceNode()
              + ": supported values: "
              + supported(message);
      default ->
          path
              + ": Invalid value: "
              + message.getInstanceNode()
              + ": "
              + detail(message.getMessage());
    };
  }

  private static String supported(ValidationMessage message) {
    return Arrays.stream(message.getArguments())
        .map(String::valueOf)
        .map(values -> values.replaceAll("^\\[|\\]$", ""))
        .collect(Collectors.joining(", "));
  }

  /** networknt's message without the location it starts with. */
  private static String detail(String message) {
    int colon = message.indexOf(": ");
    boolean located = message.startsWith("$") || message.startsWith("/");
    return located && colon >= 0 ? message.substring(colon + 2) : message;
  }

  /**
   * {@code $.spec.intents[0].name} (or {@code /spec/intents/0/name}) as {@code
   * spec.intents[0].name}.
   */
  private static String dotted(String location) {
    String path =
        location.startsWith("/")
            ? location.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.')
            : location.replaceFirst("^\\$\\.?", "");
    return path;
  }

  private static String join(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static CrdSchema load(String resource) {
    try (InputStream in = CrdSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return of(new YAMLMapper().readTree(in), URI.create("classpath:" + resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
