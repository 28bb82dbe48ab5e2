package io.agentruntime.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One {@code x-kubernetes-validations} entry of a CRD, where it stands.
 *
 * @param path the schema path of the node it guards, e.g. {@code spec.intents[*].backend}
 * @param node the node it guards ({@code self})
 * @param entry the entry: {@code rule}, {@code message}, {@code messageExpression}, ...
 * @param cardinality how many values of the node one object may hold at most: the product of the
 *     {@code maxItems}/{@code maxProperties} of the lists and maps above it ({@link
 *     CelCostEstimator#MAX_REQUEST_BYTES} for an unbounded one)
 */
record CrdRule(String path, SchemaNode node, JsonNode entry, long cardinality) {

  String rule() {
    return entry.path("rule").asText();
  }

  /** The message the API server reports when the rule does not hold. */
  String message() {
    return text("message").map(String::strip).orElse("failed rule: " + rule().strip());
  }

  /** How the API server names the rule in an evaluation error: its message, else its text. */
  String describe() {
    return text("message").map(String::strip).orElse(rule().strip());
  }

  /**
   * The {@code reason} the API server reports a refusal with: {@code FieldValueInvalid} unless set.
   */
  String reason() {
    return text("reason").orElse(CelRefusal.INVALID);
  }

  Optional<String> messageExpression() {
    return text("messageExpression");
  }

  Optional<String> fieldPath() {
    return text("fieldPath");
  }

  /** Whether the rule compares with the previous object: it runs on updates only. */
  boolean transition() {
    return rule().contains("oldSelf");
  }

  @Override
  public String toString() {
    return path + ": " + rule();
  }

  private Optional<String> text(String field) {
    JsonNode value = entry.path(field);
    return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
