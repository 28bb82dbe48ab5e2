package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import java.util.Set;

/**
 * A CEL rule's refusal worded as kube-apiserver words it, after the field's path: {@code Invalid
 * value: 3: <message>} for a rule on a number, string or boolean (the value shown, a string
 * quoted), {@code Invalid value: <message>} for one on an object or a list (the value left out),
 * and the rule's {@code reason} where it names another ({@code Forbidden: <message>}, {@code
 * Required value: <message>}, {@code Duplicate value: ...}).
 *
 * <p>This is the wording of Kubernetes 1.35, the API the project is tested against; releases up to
 * 1.34 show the schema type instead of the value ({@code Invalid value: "object": <message>}).
 */
final class CelRefusal {

  /** The reason of a rule that gives none, as a CRD writes reasons. */
  static final String INVALID = "FieldValueInvalid";

  private static final String FORBIDDEN = "FieldValueForbidden";
  private static final String REQUIRED = "FieldValueRequired";
  private static final String DUPLICATE = "FieldValueDuplicate";

  /** Schema types whose values the API server leaves out of a refusal. */
  private static final Set<String> STRUCTURED = Set.of("object", "array");

  private CelRefusal() {}

  /** The refusal of {@code rule}, which does not hold for {@code value} of {@code node}. */
  static String of(CrdRule rule, SchemaNode node, JsonNode value, String message) {
    boolean shown = !STRUCTURED.contains(type(node));
    return switch (rule.reason()) {
      case FORBIDDEN -> "Forbidden: " + message;
      case REQUIRED -> "Required value: " + message;
      case DUPLICATE -> shown ? "Duplicate value: " + value : "Duplicate value";
      default -> shown ? "Invalid value: " + value + ": " + message : "Invalid value: " + message;
    };
  }

  /**
   * A rule whose evaluation failed, e.g. {@code Invalid value: "object": no such key: min
   * evaluating rule: <message or rule>}: here the API server still names the schema type.
   */
  static String failed(CrdRule rule, SchemaNode node, CelEvaluationException e) {
    return "Invalid value: \""
        + type(node)
        + "\": "
        + e.getMessage()
        + " evaluating rule: "
        + rule.describe();
  }

  private static String type(SchemaNode node) {
    return node.schema().path("type").asText("");
  }
}
