package io.agentruntime.governance.engine.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.agentruntime.governance.engine.jvm.CollectionNodes.SetTest.Method;
import io.agentruntime.governance.engine.jvm.Node.Variable;
import io.agentruntime.governance.engine.jvm.ValueNodes.Arithmetic.Operator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one expression of Cedar's JSON policy format (EST) into a {@link Node} tree. Anything
 * this class does not know, it refuses with {@link UnsupportedPolicyException}: it never guesses.
 */
final class ExpressionCompiler {
  /** Deeper expressions are left to cedar-java, whose own recursion limit then applies. */
  static final int MAX_DEPTH = 64;

  private ExpressionCompiler() {}

  static Node compile(JsonNode expression) throws UnsupportedPolicyException {
    return compile(expression, 0);
  }

  private static Node compile(JsonNode expression, int depth) throws UnsupportedPolicyException {
    if (depth > MAX_DEPTH) {
      throw new UnsupportedPolicyException("expression nested deeper than " + MAX_DEPTH);
    }
    if (!expression.isObject() || expression.size() != 1) {
      throw new UnsupportedPolicyException("not an expression: " + abbreviate(expression));
    }
    Map.Entry<String, JsonNode> only = expression.properties().iterator().next();
    return Constants.fold(operator(only.getKey(), only.getValue(), depth + 1));
  }

  private static Node operator(String op, JsonNode body, int depth)
      throws UnsupportedPolicyException {
    return switch (op) {
      case "Value" -> new Node.Literal(LiteralValues.of(body));
      case "Var" -> variable(body);
      case "!" -> new LogicNodes.Not(arg(body, depth));
      case "neg" -> new ValueNodes.Negate(arg(body, depth));
      case "isEmpty" -> new CollectionNodes.IsEmpty(arg(body, depth));
      case "==" -> new ValueNodes.Equals(left(body, depth), right(body, depth), false);
      case "!=" -> new ValueNodes.Equals(left(body, depth), right(body, depth), true);
      case "<" -> new ValueNodes.LessThan(left(body, depth), right(body, depth), false);
      case "<=" -> new ValueNodes.LessThan(left(body, depth), right(body, depth), true);
      // Cedar defines a > b as !(a <= b) and a >= b as !(a < b).
      case ">" ->
          new LogicNodes.Not(new ValueNodes.LessThan(left(body, depth), right(body, depth), true));
      case ">=" ->
          new LogicNodes.Not(new ValueNodes.LessThan(left(body, depth), right(body, depth), false));
      case "&&" -> new LogicNodes.And(left(body, depth), right(body, depth));
      case "||" -> new LogicNodes.Or(left(body, depth), right(body, depth));
      case "+" -> arithmetic(body, Operator.ADD, depth);
      case "-" -> arithmetic(body, Operator.SUBTRACT, depth);
      case "*" -> arithmetic(body, Operator.MULTIPLY, depth);
      case "in" -> new EntityNodes.In(left(body, depth), right(body, depth));
      case "contains" -> setTest(body, Method.CONTAINS, depth);
      case "containsAll" -> setTest(body, Method.CONTAINS_ALL, depth);
      case "containsAny" -> setTest(body, Method.CONTAINS_ANY, depth);
      case "getTag" -> new EntityNodes.Tag(left(body, depth), right(body, depth), true);
      case "hasTag" -> new EntityNodes.Tag(left(body, depth), right(body, depth), false);
      case "." ->
          new CollectionNodes.Attribute(
              left(body, depth), ScopeCompiler.text(body.path("attr"), "attribute"), false);
      case "has" -> has(body, depth);
      case "like" -> like(body, depth);
      case "is" -> is(body, depth);
      case "if-then-else" ->
          new LogicNodes.IfThenElse(
              field(body, "if", depth), field(body, "then", depth), field(body, "else", depth));
      case "Set" -> new CollectionNodes.SetLiteral(list(body, depth));
      case "Record" -> record(body, depth);
      default -> extensionCall(op, body, depth);
    };
  }

  private static Node variable(JsonNode body) throws UnsupportedPolicyException {
    return switch (body.asText()) {
      case "principal" -> new Variable(Variable.Name.PRINCIPAL);
      case "action" -> new Variable(Variable.Name.ACTION);
      case "resource" -> new Variable(Variable.Name.RESOURCE);
      case "context" -> new Variable(Variable.Name.CONTEXT);
      default -> throw new UnsupportedPolicyException("variable " + abbreviate(body));
    };
  }

  private static Node arithmetic(JsonNode body, Operator operator, int depth)
      throws UnsupportedPolicyException {
    return new ValueNodes.Arithmetic(left(body, depth), right(body, depth), operator);
  }

  private static Node setTest(JsonNode body, Method method, int depth)
      throws UnsupportedPolicyException {
    return new CollectionNodes.SetTest(left(body, depth), right(body, depth), method);
  }

  /** {@code e has a}, or the extended {@code e has a.b.c}: {@code e has a && e.a has b && ...}. */
  private static Node has(JsonNode body, int depth) throws UnsupportedPolicyException {
    Node target = left(body, depth);
    JsonNode attr = body.path("attr");
    if (attr.isTextual()) {
      return new CollectionNodes.Attribute(target, attr.asText(), true);
    }
    if (!attr.isArray() || attr.isEmpty()) {
      throw new UnsupportedPolicyException("`has` of " + abbreviate(attr));
    }
    Iterator<JsonNode> names = attr.iterator();
    String first = ScopeCompiler.text(names.next(), "attribute");
    Node result = new CollectionNodes.Attribute(target, first, true);
    Node path = new CollectionNodes.Attribute(target, first, false);
    while (names.hasNext()) {
      String name = ScopeCompiler.text(names.next(), "attribute");
      result = new LogicNodes.And(result, new CollectionNodes.Attribute(path, name, true));
      path = new CollectionNodes.Attribute(path, name, false);
    }
    return result;
  }

  private static Node like(JsonNode body, int depth) throws UnsupportedPolicyException {
    List<String> parts = new ArrayList<>();
    for (JsonNode element : body.path("pattern")) {
      if (element.isTextual() && element.asText().equals("Wildcard")) {
        parts.add(null);
      } else if (element.path("Literal").isTextual()) {
        parts.add(element.path("Literal").asText());
      } else {
        throw new UnsupportedPolicyException("`like` pattern element " + abbreviate(element));
      }
    }
    return new CollectionNodes.Like(left(body, depth), LikePattern.of(parts));
  }

  private static Node is(JsonNode body, int depth) throws UnsupportedPolicyException {
    Node target = left(body, depth);
    Node is = new EntityNodes.Is(target, ScopeCompiler.text(body.path("entity_type"), "type"));
    if (!body.has("in")) {
      return is;
    }
    return new LogicNodes.And(is, new EntityNodes.In(target, field(body, "in", depth)));
  }

  private static Node record(JsonNode body, int depth) throws UnsupportedPolicyException {
    Map<String, Node> entries = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : body.properties()) {
      entries.put(entry.getKey(), compile(entry.getValue(), depth));
    }
    return new CollectionNodes.RecordLiteral(entries);
  }

  private static Node extensionCall(String name, JsonNode body, int depth)
      throws UnsupportedPolicyException {
    ExtensionCall.Function function = ExtensionCall.Function.named(name);
    if (function == null || !body.isArray() || body.size() != function.arity()) {
      throw new UnsupportedPolicyException("operator or function `" + name + "`");
    }
    return new ExtensionCall(function, list(body, depth));
  }

  private static List<Node> list(JsonNode array, int depth) throws UnsupportedPolicyException {
    if (!array.isArray()) {
      throw new UnsupportedPolicyException("expected a list, got " + abbreviate(array));
    }
    List<Node> nodes = new ArrayList<>();
    for (JsonNode element : array) {
      nodes.add(compile(element, depth));
    }
    return nodes;
  }

  private static Node arg(JsonNode body, int depth) throws UnsupportedPolicyException {
    return field(body, "arg", depth);
  }

  private static Node left(JsonNode body, int depth) throws UnsupportedPolicyException {
    return field(body, "left", depth);
  }

  private static Node right(JsonNode body, int depth) throws UnsupportedPolicyException {
    return field(body, "right", depth);
  }

  private static Node field(JsonNode body, String name, int depth)
      throws UnsupportedPolicyException {
    JsonNode value = body.path(name);
    if (value.isMissingNode()) {
      throw new UnsupportedPolicyException("missing '" + name + "' in " + abbreviate(body));
    }
    return compile(value, depth);
  }

  static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
