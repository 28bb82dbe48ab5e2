package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The operator's CRDs as committed: each version's JSON schema and its CEL rules, compiled once,
 * and what creating a resource against them is refused for ({@link CrdSchema}).
 */
final class OwnCrds {

  /** The version of both CRDs. */
  static final String VERSION = CrdSchema.VERSION;

  /** One CRD and its checks. */
  record Crd(Path file, CrdSchema schema) {

    /** Its compiled CEL rules. */
    CrdCelRules rules() {
      return schema.rules();
    }
  }

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
    return crd.schema().refusals(resource);
  }

  private static Crd load(Path file) {
    return new Crd(file, CrdSchema.of(CrdFiles.read(file), file.toUri()));
  }
}
