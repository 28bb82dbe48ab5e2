package io.agentruntime.operator.validation;

/**
 * One problem in an AgentRuntime.
 *
 * @param field path of the field at fault, e.g. {@code spec.intents[1].timeout}
 * @param message what is wrong with it
 */
public record ValidationError(String field, String message) {

  /** {@code field: message}, as users see it in the status and on the command line. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
