package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.dependent.EventRecorder;
import io.agentruntime.operator.status.AgentRuntimeConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Reports an invalid spec as a core/v1 Warning Event on the resource (an AgentRuntime or a
 * GovernancePolicy; {@code kubectl describe} shows it), once per distinct problem: an Event is
 * posted only when the {@code Valid} condition the resource already carries does not say the same
 * thing, so resyncs and restarts do not repeat it.
 */
final class InvalidSpecEvents {

  private final Clock clock;

  InvalidSpecEvents(Clock clock) {
    this.clock = clock;
  }

  /**
   * Posts a Warning Event for {@code message} unless the status already reports it.
   *
   * @param conditions the conditions {@code cr}'s status carries (null without a status)
   */
  void report(KubernetesClient client, HasMetadata cr, List<Condition> conditions, String message) {
    if (alreadyReported(conditions, message)) {
      return;
    }
    EventRecorder.record(
        client,
        cr,
        EventRecorder.WARNING,
        AgentRuntimeConditions.REASON_INVALID_SPEC,
        message,
        clock.instant());
  }

  private static boolean alreadyReported(List<Condition> conditions, String message) {
    return Objects.requireNonNullElse(conditions, List.<Condition>of()).stream()
        .filter(c -> AgentRuntimeConditions.VALID.equals(c.getType()))
        .findFirst()
        .filter(valid -> "False".equals(valid.getStatus()))
        .map(Condition::getMessage)
        .filter(message::equals)
        .isPresent();
  }
}
