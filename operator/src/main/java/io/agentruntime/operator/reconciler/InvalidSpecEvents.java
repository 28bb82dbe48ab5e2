package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.status.AgentRuntimeConditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
    var metadata = cr.getMetadata();
    var now = DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    var event =
        new EventBuilder()
            .withNewMetadata()
            // Unique like kubectl's event names: <object>.<random hex>.
            .withName(metadata.getName() + "." + UUID.randomUUID().toString().replace("-", ""))
            .withNamespace(metadata.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(cr.getApiVersion())
                    .withKind(cr.getKind())
                    .withName(metadata.getName())
                    .withNamespace(metadata.getNamespace())
                    .withUid(metadata.getUid())
                    .withResourceVersion(metadata.getResourceVersion())
                    .build())
            .withType("Warning")
            .withReason(AgentRuntimeConditions.REASON_INVALID_SPEC)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(Labels.OPERATOR_NAME)
            .endSource()
            .withReportingComponent(Labels.OPERATOR_NAME)
            .build();
    client.v1().events().inNamespace(metadata.getNamespace()).resource(event).create();
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
