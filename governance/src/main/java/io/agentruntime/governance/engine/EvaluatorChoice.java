package io.agentruntime.governance.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which evaluator decides ({@code governance.evaluator}). */
public enum EvaluatorChoice {
  /** Policies compiled for the JVM decide; cedar-java only where they cannot. */
  JVM,
  /** cedar-java decides every request (with the decision memo). */
  CEDAR,
  /**
   * The JVM evaluator decides and cedar-java checks each decision off the request path, counting
   * and logging every disagreement.
   */
  SHADOW;

  /** The configuration spelling: {@code jvm}, {@code cedar} or {@code shadow}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EvaluatorChoice parse(String text) {
    for (EvaluatorChoice choice : values()) {
      if (choice.configName().equals(text)) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + text
            + "' is not an evaluator; expected one of "
            + Arrays.stream(values())
                .map(EvaluatorChoice::configName)
                .collect(Collectors.joining(", ")));
  }
}
