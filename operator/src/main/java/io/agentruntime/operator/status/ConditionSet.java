package io.agentruntime.operator.status;

import io.agentruntime.operator.api.schema.ConditionsSchema;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the conditions of one status write from those the resource already carries: a condition's
 * {@code lastTransitionTime} changes only when its status does, so an unchanged observation yields
 * identical conditions and the write can be skipped.
 */
final class ConditionSet {

  private final Clock clock;
  private final Long generation;
  private final List<Condition> previous;

  /**
   * @param clock stamps transitions
   * @param generation the spec generation the conditions describe
   * @param previous the conditions the resource carries (null when it has no status yet)
   */
  ConditionSet(Clock clock, Long generation, List<Condition> previous) {
    this.clock = clock;
    this.generation = generation;
    this.previous = Objects.requireNonNullElse(previous, List.of());
  }

  /** The condition {@code type} as it stands now. */
  Condition of(String type, boolean holds, String reason, String message) {
    var status = holds ? "True" : "False";
    var transition =
        previous(type)
            .filter(condition -> status.equals(condition.getStatus()))
            .map(Condition::getLastTransitionTime)
            .orElseGet(this::now);
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(bounded(message))
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build();
  }

  /** The condition {@code type} the resource already carries, if any. */
  Optional<Condition> previous(String type) {
    return previous.stream().filter(condition -> type.equals(condition.getType())).findFirst();
  }

  /**
   * {@code message}, cut to what the CRD allows: a longer one (a spec with many errors) would make
   * the API server refuse the whole status.
   */
  static String bounded(String message) {
    int max = ConditionsSchema.MESSAGE_MAX_LENGTH;
    return message.length() <= max ? message : message.substring(0, max - 1) + "…";
  }

  private String now() {
    return DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }
}
