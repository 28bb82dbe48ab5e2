package io.agentruntime.operator.api.schema;

/**
 * The schema of a status's {@code conditions}, as Kubernetes' {@code metav1.Condition} declares it:
 * a list keyed by {@code type}, so that under server-side apply each condition has its own owner,
 * with the bounds and patterns of its fields.
 */
public final class ConditionsSchema {

  /** The most conditions a status holds: the operator writes at most seven. */
  public static final int MAX_ITEMS = 16;

  /** The longest message a condition holds; the operator cuts longer ones. */
  public static final int MESSAGE_MAX_LENGTH = 32768;

  /** A merge patch (for {@link SchemaMergePatch}) of a status class with a {@code conditions}. */
  public static final String PATCH =
      "{\"properties\": {\"conditions\": {"
          + "\"x-kubernetes-list-type\": \"map\", \"x-kubernetes-list-map-keys\": [\"type\"],"
          + " \"maxItems\": "
          + MAX_ITEMS
          + ", \"items\": {"
          + "\"required\": [\"type\", \"status\", \"reason\", \"message\", \"lastTransitionTime\"],"
          + " \"properties\": {"
          + "\"type\": {\"maxLength\": 316, \"pattern\":"
          + " \"^([a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$\"},"
          + " \"status\": {\"enum\": [\"True\", \"False\", \"Unknown\"]},"
          + " \"reason\": {\"minLength\": 1, \"maxLength\": 1024,"
          + " \"pattern\": \"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$\"},"
          + " \"message\": {\"maxLength\": "
          + MESSAGE_MAX_LENGTH
          + "},"
          + " \"lastTransitionTime\": {\"format\": \"date-time\"},"
          + " \"observedGeneration\": {\"minimum\": 0}}}}}}";

  private ConditionsSchema() {}
}
