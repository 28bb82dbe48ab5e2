package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Fills in a structural schema's defaults as the API server does before validating: a property
 * absent from an object that is present takes its schema's {@code default}, at every depth.
 */
final class SchemaDefaults {

  private SchemaDefaults() {}

  /** {@code value}, changed in place, with the defaults of {@code schema} filled in. */
  static JsonNode apply(JsonNode value, JsonNode schema) {
    if (value.isArray()) {
      value.forEach(item -> apply(item, schema.path("items")));
    } else if (value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      if (schema.path("additionalProperties").isObject()) {
        object.forEach(entry -> apply(entry, schema.path("additionalProperties")));
      }
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        JsonNode defaultValue = property.getValue().path("default");
        if (!object.has(property.getKey()) && !defaultValue.isMissingNode()) {
          object.set(property.getKey(), defaultValue.deepCopy());
        }
        if (object.has(property.getKey())) {
          apply(object.get(property.getKey()), property.getValue());
        }
      }
    }
    return value;
  }
}
