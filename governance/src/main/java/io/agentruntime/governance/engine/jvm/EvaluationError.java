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

  static EvaluationError typeError(CedarType expected, Object actual) {
    return new EvaluationError(
        "type error: expected " + expected + ", got " + CedarType.describe(actual));
  }

  static EvaluationError typeError(String expected, Object actual) {
    return new EvaluationError(
        "type error: expected one of [" + expected + "], got " + CedarType.describe(actual));
  }
}
