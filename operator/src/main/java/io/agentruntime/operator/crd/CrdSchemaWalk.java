package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/** Visits every node of a structural schema with its path and cardinality. */
final class CrdSchemaWalk {

  /**
   * A schema node where it stands.
   *
   * @param path e.g. {@code spec.intents[*].name}
   * @param node the node
   * @param cardinality the most values of it one object holds (see {@link CrdRule#cardinality})
   */
  record Visit(String path, SchemaNode node, long cardinality) {}

  private CrdSchemaWalk() {}

  /** The openAPIV3Schema of {@code crd}'s version {@code version}. */
  static JsonNode versionSchema(JsonNode crd, String version) {
    for (JsonNode served : crd.path("spec").path("versions")) {
      if (version.equals(served.path("name").asText())) {
        return served.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalArgumentException(
        crd.path("metadata").path("name").asText() + " has no version " + version);
  }

  /** Visits {@code root}, a resource's schema, and every node below it, parents first. */
  static void visit(JsonNode root, Consumer<Visit> visitor) {
    visit(new Visit("", new SchemaNode(root, true), 1), visitor);
  }

  private static void visit(Visit visit, Consumer<Visit> visitor) {
    visitor.accept(visit);
    SchemaNode node = visit.node();
    if (node.isArray() || node.isMap()) {
      long max = node.declaredMax().orElse(CelCostEstimator.MAX_REQUEST_BYTES);
      node.element()
          .ifPresent(
              element ->
                  visit(
                      new Visit(
                          visit.path() + "[*]",
                          element,
                          CelCostEstimator.multiply(visit.cardinality(), max)),
                      visitor));
      return;
    }
    for (Map.Entry<String, JsonNode> property : node.schema().path("properties").properties()) {
      String path =
          visit.path().isEmpty() ? property.getKey() : visit.path() + "." + property.getKey();
      visit(new Visit(path, SchemaNode.of(property.getValue()), visit.cardinality()), visitor);
    }
  }
}
