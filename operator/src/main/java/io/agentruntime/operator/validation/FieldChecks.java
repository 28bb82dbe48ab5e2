package io.agentruntime.operator.validation;

import io.agentruntime.governance.Durations;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the errors of one validation run and holds the checks every spec section uses. */
final class FieldChecks {

  private final List<ValidationError> errors = new ArrayList<>();

  void fail(String field, String message) {
    errors.add(new ValidationError(field, message));
  }

  List<ValidationError> errors() {
    return List.copyOf(errors);
  }

  /** Reports {@code field} when it is missing or blank; true when it is present. */
  boolean required(String field, Object value) {
    boolean missing = value == null || (value instanceof String text && text.isBlank());
    if (missing) {
      fail(field, "is required");
    }
    return !missing;
  }

  /** Parses a present duration, reporting it when malformed; empty when absent or malformed. */
  Optional<Duration> duration(String field, String value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Duration> parsed = Durations.parse(value);
    if (parsed.isEmpty()) {
      fail(field, "'" + value + "' is not a duration such as 250ms, 10s, 5m or 1h");
    }
    return parsed;
  }

  /** Reports a present quantity that does not parse or is not positive. */
  void positiveQuantity(String field, Quantity value) {
    if (value == null) {
      return;
    }
    try {
      if (value.getNumericalAmount().compareTo(BigDecimal.ZERO) <= 0) {
        fail(field, "must be greater than zero, got " + value);
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      fail(field, "'" + value + "' is not a Kubernetes quantity such as 500m, 2 or 4Gi");
    }
  }
}
