package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.Labels;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Posts core/v1 Events on the operator's resources, as {@code kubectl describe} shows them. */
public final class EventRecorder {

  /** The type of an Event a human should look at. */
  public static final String WARNING = "Warning";

  private EventRecorder() {}

  /**
   * Posts an Event about {@code involved} in its namespace.
   *
   * @param type {@code Normal} or {@link #WARNING}
   * @param reason a short UpperCamelCase word, e.g. {@code InvalidSpec}
   * @param now the Event's time
   */
  public static void record(
      KubernetesClient client,
      HasMetadata involved,
      String type,
      String reason,
      String message,
      Instant now) {
    var metadata = involved.getMetadata();
    var time = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    var event =
        new EventBuilder()
            .withNewMetadata()
            // Unique like kubectl's event names: <object>.<random hex>.
            .withName(metadata.getName() + "." + UUID.randomUUID().toString().replace("-", ""))
            .withNamespace(metadata.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(involved.getApiVersion())
                    .withKind(involved.getKind())
                    .withName(metadata.getName())
                    .withNamespace(metadata.getNamespace())
                    .withUid(metadata.getUid())
                    .withResourceVersion(metadata.getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .withCount(1)
            .withNewSource()
            .withComponent(Labels.OPERATOR_NAME)
            .endSource()
            .withReportingComponent(Labels.OPERATOR_NAME)
            .build();
    client.v1().events().inNamespace(metadata.getNamespace()).resource(event).create();
  }
}
