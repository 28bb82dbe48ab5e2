package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lints a CRD version's schema beyond what makes it structural, for what a real API server and
 * server-side apply need: every field typed, every list with a declared list type (a {@code map}
 * list keyed by required scalar fields, a {@code set} of scalars), every string, list and map
 * bounded (so that CEL rules over them have a cost the API server can estimate), defaults valid
 * against their own schema, and every CEL rule with a message.
 */
final class StructuralSchemaLint {

  private static final Set<String> LIST_TYPES = Set.of("atomic", "set", "map");
  private static final Set<String> BOUNDED_FORMATS = Set.of("date-time", "date", "duration");
  private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");
  private static final JsonSchemaFactory JSON_SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

  private StructuralSchemaLint() {}

  /** Every problem of {@code root}, a resource's openAPIV3Schema, as {@code path: problem}. */
  static List<String> problems(JsonNode root) {
    List<String> problems = new ArrayList<>();
    CrdSchemaWalk.visit(root, visit -> check(visit, problems));
    return problems;
  }

  private static void check(CrdSchemaWalk.Visit visit, List<String> problems) {
    SchemaNode node = visit.node();
    String at = visit.path().isEmpty() ? "<root>" : visit.path();
    JsonNode schema = node.schema();
    boolean preserved = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (node.type().isEmpty() && !node.intOrString() && !preserved) {
      problems.add(at + ": has no type");
    }
    if (node.isArray()) {
      checkList(node, at, problems);
    }
    if (("string".equals(node.type()) || node.intOrString()) && !bounded(schema)) {
      problems.add(at + ": string without maxLength, enum or a bounded format");
    }
    if (node.isMap() && !schema.has("maxProperties")) {
      problems.add(at + ": map without maxProperties");
    }
    if (node.isMap() && schema.has("properties")) {
      problems.add(at + ": both properties and additionalProperties");
    }
    if (schema.has("default")) {
      checkDefault(schema, at, problems);
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      if (!rule.has("message") && !rule.has("messageExpression")) {
        problems.add(at + ": rule without a message: " + rule.path("rule").asText());
      }
    }
  }

  private static void checkList(SchemaNode list, String at, List<String> problems) {
    JsonNode schema = list.schema();
    if (list.element().isEmpty()) {
      problems.add(at + ": list without items");
      return;
    }
    if (!schema.has("maxItems")) {
      problems.add(at + ": list without maxItems");
    }
    String type = schema.path("x-kubernetes-list-type").asText("");
    if (!LIST_TYPES.contains(type)) {
      problems.add(at + ": list without x-kubernetes-list-type (atomic, set or map)");
    }
    JsonNode items = list.element().get().schema();
    if ("set".equals(type) && !SCALARS.contains(items.path("type").asText())) {
      problems.add(at + ": set of non-scalar items");
    }
    if ("map".equals(type)) {
      checkMapKeys(schema.path("x-kubernetes-list-map-keys"), items, at, problems);
    }
  }

  private static void checkMapKeys(
      JsonNode keys, JsonNode items, String at, List<String> problems) {
    if (keys.isEmpty()) {
      problems.add(at + ": map list without x-kubernetes-list-map-keys");
    }
    for (JsonNode key : keys) {
      JsonNode property = items.path("properties").path(key.asText());
      boolean required = false;
      for (JsonNode name : items.path("required")) {
        required |= key.asText().equals(name.asText());
      }
      if (!SCALARS.contains(property.path("type").asText())) {
        problems.add(at + ": map list key " + key.asText() + " is not a scalar field");
      }
      if (!required && !property.has("default")) {
        problems.add(at + ": map list key " + key.asText() + " is neither required nor defaulted");
      }
    }
  }

  private static boolean bounded(JsonNode schema) {
    return schema.has("maxLength")
        || schema.path("enum").isArray()
        || BOUNDED_FORMATS.contains(schema.path("format").asText());
  }

  private static void checkDefault(JsonNode schema, String at, List<String> problems) {
    JsonNode withoutDefault = schema.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) withoutDefault).remove("default");
    Set<ValidationMessage> messages =
        JSON_SCHEMA
            .getSchema(withoutDefault, SchemaValidatorsConfig.builder().build())
            .validate(schema.get("default"));
    messages.forEach(message -> problems.add(at + ": default is invalid: " + message.getMessage()));
  }
}
