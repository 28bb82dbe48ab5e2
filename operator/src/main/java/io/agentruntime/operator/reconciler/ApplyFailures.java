package io.agentruntime.operator.reconciler;

import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Describes a failed reconciliation for the status: which dependent failed and the first line of
 * why, without stack traces (JOSDK's aggregated message carries them), bounded in length.
 */
final class ApplyFailures {

  private static final int MAX_CAUSE_LENGTH = 300;

  private ApplyFailures() {}

  /** {@code runtime-pdb: Forbidden ...; runtime-hpa: ...}, or the exception's own first line. */
  static String describe(Exception e) {
    if (e instanceof AggregatedOperatorException aggregated
        && !aggregated.getAggregatedExceptions().isEmpty()) {
      return aggregated.getAggregatedExceptions().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(entry -> entry.getKey() + ": " + firstLine(entry.getValue()))
          .collect(Collectors.joining("; "));
    }
    return firstLine(e);
  }

  private static String firstLine(Throwable e) {
    var message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    var line = message.lines().findFirst().orElse(message).strip();
    return line.length() <= MAX_CAUSE_LENGTH ? line : line.substring(0, MAX_CAUSE_LENGTH) + "...";
  }
}
