package io.agentruntime.operator.api.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/**
 * Applies a JSON merge patch (RFC 7386) to the schema fabric8's CRD generator derives from the
 * annotated class, for what the generator's annotations cannot say: list types, and the pattern of
 * quantities that are map values. Unlike the generator's own {@code MergePatchCustomizer}, which
 * replaces every nested object it touches, it merges at every depth, so a patch names only the
 * keywords it adds.
 *
 * <p>Used as {@code @SchemaCustomizer(value = SchemaMergePatch.class, input = "{...}")}; only the
 * CRD generator runs it, at build time.
 */
public final class SchemaMergePatch implements SchemaCustomizer.Customizer {

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps schema, String patch, KubernetesSerialization serialization) {
    JsonNode merged =
        merge(
            serialization.convertValue(schema, JsonNode.class),
            serialization.unmarshal(patch, JsonNode.class));
    return serialization.convertValue(merged, JSONSchemaProps.class);
  }

  /** {@code target} with {@code patch} merged in: objects key by key, anything else replaced. */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode merged =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        merged.remove(field.getKey());
      } else {
        merged.set(field.getKey(), merge(merged.get(field.getKey()), field.getValue()));
      }
    }
    return merged;
  }
}
