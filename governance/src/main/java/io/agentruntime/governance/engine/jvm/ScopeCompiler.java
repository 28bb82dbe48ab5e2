package io.agentruntime.governance.engine.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentruntime.governance.engine.jvm.Node.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a policy's scope ({@code principal}, {@code action}, {@code resource} constraints of
 * Cedar's JSON policy format) into the expressions Cedar evaluates them as.
 */
final class ScopeCompiler {
  private ScopeCompiler() {}

  /** The constraint on {@code variable}, or null when it has none ({@code "op": "All"}). */
  static Node compile(JsonNode scope, Variable.Name variable) throws UnsupportedPolicyException {
    Node target = new Variable(variable);
    String op = scope.path("op").asText();
    if (scope.has("slot")) {
      throw new UnsupportedPolicyException("template slots in the " + name(variable) + " scope");
    }
    return switch (op) {
      case "All" -> null;
      case "==" -> new ValueNodes.Equals(target, entity(scope.path("entity")), false);
      case "in" -> new EntityNodes.In(target, inTarget(scope));
      case "is" -> is(scope, target);
      default ->
          throw new UnsupportedPolicyException("scope operator '" + op + "' on " + name(variable));
    };
  }

  private static Node inTarget(JsonNode scope) throws UnsupportedPolicyException {
    if (scope.has("entities")) {
      List<Object> entities = new ArrayList<>();
      for (JsonNode entity : scope.path("entities")) {
        entities.add(uid(entity));
      }
      return new Node.Literal(List.copyOf(entities));
    }
    return entity(scope.path("entity"));
  }

  private static Node is(JsonNode scope, Node target) throws UnsupportedPolicyException {
    Node is = new EntityNodes.Is(target, text(scope.path("entity_type"), "entity_type"));
    JsonNode in = scope.path("in");
    if (in.isMissingNode()) {
      return is;
    }
    if (in.has("slot")) {
      throw new UnsupportedPolicyException("template slots in an `is ... in` scope");
    }
    return new LogicNodes.And(is, new EntityNodes.In(target, entity(in.path("entity"))));
  }

  private static Node entity(JsonNode entity) throws UnsupportedPolicyException {
    return new Node.Literal(uid(entity));
  }

  /** An entity reference, {@code {"type": ..., "id": ...}} or its {@code __entity} escape. */
  static EntityUid uid(JsonNode entity) throws UnsupportedPolicyException {
    JsonNode plain = entity.has("__entity") ? entity.path("__entity") : entity;
    return new EntityUid(
        text(plain.path("type"), "entity type"), text(plain.path("id"), "entity id"));
  }

  static String text(JsonNode node, String what) throws UnsupportedPolicyException {
    if (!node.isTextual()) {
      throw new UnsupportedPolicyException("expected a string as " + what + ", got " + node);
    }
    return node.asText();
  }

  private static String name(Variable.Name variable) {
    return variable.name().toLowerCase(java.util.Locale.ROOT);
  }
}
