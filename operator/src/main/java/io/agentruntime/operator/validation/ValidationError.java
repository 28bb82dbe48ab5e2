package io.agentruntime.operator.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One problem in an AgentRuntime.
 *
 * @param field path of the field at fault, e.g. {@code spec.intents[1].timeout}
 * @param message what is wrong with it
 */
public record ValidationError(String field, String message) {

  /**
   * One line naming every field at fault, as the {@code Valid} condition and the Warning Event say
   * it, e.g. {@code spec.replicas.min: must not exceed max}.
   */
  public static String describe(List<ValidationError> errors) {
    return errors.stream().map(ValidationError::toString).collect(Collectors.joining("; "));
  }

  /** {@code field: message}, as users see it in the status and on the command line. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
