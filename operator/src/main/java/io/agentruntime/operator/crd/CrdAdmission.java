package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server's validation of a create does with a CRD's rules beyond the JSON schema:
 * schema defaults filled in, the list types' uniqueness ({@code map} keys, {@code set} items) and
 * every CEL rule that applies, at every value of the node it guards. Transition rules (those
 * reading {@code oldSelf}) run on updates only, so not here.
 */
final class CrdAdmission {

  /** What the API server would answer, e.g. {@code spec.replicas: min must not exceed max}. */
  record Violation(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private static final Set<String> RESOURCE_FIELDS = Set.of("apiVersion", "kind", "metadata");

  /** Where a rule on the resource itself is reported. */
  private static final String ROOT = "<root>";

  private final CrdCelRules rules;

  CrdAdmission(CrdCelRules rules) {
    this.rules = rules;
  }

  /** Every violation in {@code object}, a whole resource as JSON. */
  List<Violation> validate(JsonNode object) {
    JsonNode defaulted = SchemaDefaults.apply(object.deepCopy(), rules.root());
    List<Violation> violations = new ArrayList<>();
    walk(defaulted, new SchemaNode(rules.root(), true), "", violations);
    return violations;
  }

  private void walk(JsonNode value, SchemaNode node, String path, List<Violation> violations) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    if (node.isArray() && value.isArray()) {
      checkListType(value, node, path, violations);
      SchemaNode items = node.element().orElseThrow();
      for (int i = 0; i < value.size(); i++) {
        walk(value.get(i), items, path + "[" + i + "]", violations);
      }
    } else if (node.isMap() && value.isObject()) {
      SchemaNode element = node.element().orElseThrow();
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        walk(entry.getValue(), element, path + "[" + entry.getKey() + "]", violations);
      }
    } else if (value.isObject()) {
      checkKnownFields(value, node, path, violations);
      for (Map.Entry<String, JsonNode> property : node.schema().path("properties").properties()) {
        if (node.resourceRoot() && RESOURCE_FIELDS.contains(property.getKey())) {
          // The API server checks a resource's metadata as ObjectMeta, whatever the schema says.
          continue;
        }
        walk(
            value.get(property.getKey()),
            SchemaNode.of(property.getValue()),
            path.isEmpty() ? property.getKey() : path + "." + property.getKey(),
            violations);
      }
    }
    evaluate(value, node, path, violations);
  }

  private void evaluate(JsonNode value, SchemaNode node, String path, List<Violation> violations) {
    List<CrdCelRules.Compiled> guards = rules.at(node.schema());
    if (guards.isEmpty()) {
      return;
    }
    Object self = SchemaCelValues.of(value, node);
    for (CrdCelRules.Compiled rule : guards) {
      if (rule.rule().transition()) {
        continue;
      }
      try {
        if (!rule.holds(self)) {
          String where = path + rule.rule().fieldPath().orElse("");
          violations.add(
              new Violation(
                  where.isEmpty() ? ROOT : where,
                  CelRefusal.of(rule.rule(), node, value, message(rule, self))));
        }
      } catch (CelEvaluationException e) {
        violations.add(
            new Violation(path.isEmpty() ? ROOT : path, CelRefusal.failed(rule.rule(), node, e)));
      }
    }
  }

  /** The rule's message: its {@code messageExpression}'s value, else its static message. */
  private static String message(CrdCelRules.Compiled rule, Object self) {
    if (rule.message().isPresent()) {
      try {
        String message = String.valueOf(rule.message().get().eval(Map.of("self", self))).strip();
        if (!message.isEmpty() && !message.contains("\n")) {
          return message;
        }
      } catch (CelEvaluationException e) {
        // The API server falls back to the static message, as here.
      }
    }
    return rule.rule().message();
  }

  /** Every field of {@code object} is declared, unless the schema preserves unknown ones. */
  private static void checkKnownFields(
      JsonNode object, SchemaNode node, String path, List<Violation> violations) {
    if (node.schema().path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      boolean implicit = node.resourceRoot() && RESOURCE_FIELDS.contains(field.getKey());
      if (!implicit && !node.schema().path("properties").has(field.getKey())) {
        String where = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        violations.add(new Violation(where, "unknown field \"" + where + "\""));
      }
    }
  }

  /** A {@code map} list's keys and a {@code set} list's items are unique. */
  private static void checkListType(
      JsonNode list, SchemaNode node, String path, List<Violation> violations) {
    String type = node.schema().path("x-kubernetes-list-type").asText("atomic");
    if ("atomic".equals(type)) {
      return;
    }
    Set<JsonNode> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode key = "map".equals(type) ? mapKey(list.get(i), node) : list.get(i);
      if (!seen.add(key)) {
        violations.add(new Violation(path + "[" + i + "]", "Duplicate value: " + key));
      }
    }
  }

  private static JsonNode mapKey(JsonNode item, SchemaNode node) {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    node.schema()
        .path("x-kubernetes-list-map-keys")
        .forEach(name -> key.set(name.asText(), item.path(name.asText())));
    return key;
  }
}
