package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The operator's CRDs as the API server would hold them: each version's JSON schema and its CEL
 * rules, compiled once, and what creating a resource against them is refused for.
 */
final class OwnCrds {

  /** The version of both CRDs. */
  static final String VERSION = "v1alpha1";

  private static final JsonSchemaFactory JSON_SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  /** One CRD: its schema for the JSON-schema keywords, its rules for the rest. */
  record Crd(Path file, JsonSchema schema, CrdCelRules rules) {}

  private static final Map<String, Crd> BY_KIND =
      Map.of(
          "AgentRuntime", load(CrdFiles.AGENT_RUNTIMES),
          "GovernancePolicy", load(CrdFiles.GOVERNANCE_POLICIES));

  private OwnCrds() {}

  /** Both CRDs. */
  static List<Crd> all() {
    return List.copyOf(BY_KIND.values());
  }

  /**
   * Why the API server would refuse to create {@code resource}, as {@code path: message}; empty
   * when it would accept it.
   */
  static List<String> refusals(JsonNode resource) {
    Crd crd = BY_KIND.get(resource.path("kind").asText());
    if (crd == null) {
      throw new IllegalArgumentException("not a kind of the operator: " + resource.path("kind"));
    }
    List<String> refusals = new ArrayList<>();
    for (ValidationMessage message : crd.schema().validate(resource)) {
      refusals.add(dotted(message.getMessage()));
    }
    new CrdAdmission(crd.rules())
        .validate(resource)
        .forEach(violation -> refusals.add(violation.toString()));
    return refusals;
  }

  /**
   * {@code /spec/intents/0/name: ...} as the API server writes it: {@code spec.intents[0].name}.
   */
  private static String dotted(String message) {
    int colon = message.indexOf(": ");
    if (!message.startsWith("/") || colon < 0) {
      return message;
    }
    String path =
        message.substring(1, colon).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
    return path + message.substring(colon);
  }

  private static Crd load(Path file) {
    JsonNode crd = CrdFiles.read(file);
    JsonNode root = CrdSchemaWalk.versionSchema(crd, VERSION);
    JsonSchema schema =
        JSON_SCHEMA.getSchema(file.toUri(), root, SchemaValidatorsConfig.builder().build());
    return new Crd(file, schema, CrdCelRules.of(crd, VERSION));
  }
}
