package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One node of a structural OpenAPI schema, with the questions the CEL checks ask of it.
 *
 * @param schema the node
 * @param resourceRoot whether it is the root of a resource (the CRD's root, or an embedded
 *     resource), where {@code apiVersion}, {@code kind} and {@code metadata.name} are always known
 */
record SchemaNode(JsonNode schema, boolean resourceRoot) {

  /** The node of a schema that is not a resource's root. */
  static SchemaNode of(JsonNode schema) {
    return new SchemaNode(schema, schema.path("x-kubernetes-embedded-resource").asBoolean(false));
  }

  String type() {
    return schema.path("type").asText("");
  }

  boolean intOrString() {
    return schema.path("x-kubernetes-int-or-string").asBoolean(false);
  }

  boolean isArray() {
    return "array".equals(type());
  }

  /** Whether the node is a map: an object whose keys are free, their values of one schema. */
  boolean isMap() {
    return "object".equals(type()) && schema.path("additionalProperties").isObject();
  }

  /** The schema of the list's items or of the map's values. */
  Optional<SchemaNode> element() {
    JsonNode element = isArray() ? schema.path("items") : schema.path("additionalProperties");
    return element.isObject() ? Optional.of(SchemaNode.of(element)) : Optional.empty();
  }

  /** The schema of the object property {@code name}. */
  Optional<SchemaNode> property(String name) {
    JsonNode property = schema.path("properties").path(name);
    return property.isObject() ? Optional.of(SchemaNode.of(property)) : Optional.empty();
  }

  /** {@code maxLength}, {@code maxItems} or {@code maxProperties}, whichever applies. */
  Optional<Long> declaredMax() {
    String keyword =
        isArray() ? "maxItems" : "object".equals(type()) ? "maxProperties" : "maxLength";
    JsonNode max = schema.path(keyword);
    return max.isNumber() ? Optional.of(max.asLong()) : Optional.empty();
  }
}
