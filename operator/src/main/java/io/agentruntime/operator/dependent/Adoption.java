package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.Labels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Takes over an object of a dependent's name that the operator cannot see: one that lost the {@code
 * managed-by} label, or existed before the AgentRuntime. The informers only list labelled objects,
 * so JOSDK takes such an object for missing and creates it, and the API server answers 409 on every
 * reconciliation; the drift would never be repaired. On that 409 the object is applied again
 * without the create-only precondition: Server-Side Apply, forcing the operator's fields, restores
 * the labels and adds the owner reference (without Server-Side Apply, a configuration only tests
 * use, the object is replaced). A Warning Event on the AgentRuntime says which object was taken
 * over.
 */
final class Adoption {

  /** The Event's reason. */
  static final String REASON = "AdoptedExisting";

  private static final Clock CLOCK = Clock.systemUTC();

  private Adoption() {}

  /**
   * Creates the object through {@code create}, adopting it when it already exists.
   *
   * @param desired the object as rendered, with the operator's metadata added by {@code create}
   * @param serverSideApply whether the dependent applies with Server-Side Apply
   */
  static <R extends HasMetadata> R createOrAdopt(
      Supplier<R> create,
      R desired,
      AgentRuntime cr,
      Context<AgentRuntime> context,
      boolean serverSideApply) {
    try {
      return create.get();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    var client = context.getClient();
    desired.getMetadata().setResourceVersion(null);
    R adopted;
    if (serverSideApply) {
      adopted =
          client
              .resource(desired)
              .fieldManager(context.getControllerConfiguration().fieldManager())
              .forceConflicts()
              .serverSideApply();
    } else {
      var existing = client.resource(desired).require();
      desired.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      adopted = client.resource(desired).update();
    }
    EventRecorder.record(
        client,
        cr,
        EventRecorder.WARNING,
        REASON,
        desired.getKind()
            + " "
            + desired.getMetadata().getName()
            + " already existed without the label "
            + Labels.MANAGED_BY_SELECTOR
            + "; the operator took it over, set its fields as the spec says and owns it now",
        CLOCK.instant());
    return adopted;
  }
}
