package io.agentruntime.governance.engine.jvm;

/**
 * A Cedar evaluation error: the policy being evaluated is skipped and reported, as Cedar does.
 *
 * <p>Thrown on the request path whenever a policy reads a missing attribute, so it carries no stack
 * trace: creating one would cost more than the whole decision.
 */
final class EvaluationError extends RuntimeException {
  EvaluationError(String message) {
    super(message, null, false, false);
  }

  /** How many attribute names an error lists, as Cedar lists them. */
  private static final int LISTED_ATTRIBUTES = 5;

  /** Reading an absent attribute of a record, naming the attributes it has as Cedar does. */
  static EvaluationError missingAttribute(java.util.Map<?, ?> record, String attribute) {
    java.util.List<String> present = new java.util.ArrayList<>();
    record.forEach(
        (key, value) -> {
          if (value != null) {
            present.add((String) key);
          }
        });
    present.sort(null);
    String help;
    if (present.isEmpty()) {
      help = "record does not have any attributes";
    } else if (present.size() <= LISTED_ATTRIBUTES) {
      help =
          present.stream()
              .map(name -> '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
              .collect(java.util.stream.Collectors.joining(", ", "available attributes: [", "]"));
    } else {
      help =
          "available attributes: ["
              + String.join(",", present.subList(0, LISTED_ATTRIBUTES))
              + ", ... ("
              + (present.size() - LISTED_ATTRIBUTES)
              + " more attributes) ]";
    }
    return new EvaluationError(
        "record does not have the attribute `" + attribute + "` (" + help + ")");
  }

  static EvaluationError typeError(CedarType expected, Object actual) {
    return new EvaluationError(
        "type error: expected " + expected + ", got " + CedarType.describe(actual));
  }

  static EvaluationError typeError(String expected, Object actual) {
    return new EvaluationError(
        "type error: expected one of [" + expected + "], got " + CedarType.describe(actual));
  }
}
