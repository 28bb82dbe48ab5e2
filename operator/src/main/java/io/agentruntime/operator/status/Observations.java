package io.agentruntime.operator.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Optional;

/**
 * What one reconciliation of a valid, applied spec observed: the input of its status.
 *
 * @param runtime the runtime Deployment as last observed
 * @param mesh what became of the Istio objects the spec asks for
 * @param monitoring what became of the prometheus-operator objects the spec asks for
 * @param governance what was read of the runtime's policy set
 * @param inference the inference pool's state
 * @param async the queue and workers of long-running dispatches
 */
public record Observations(
    Optional<Deployment> runtime,
    AddOnOutcome mesh,
    AddOnOutcome monitoring,
    GovernanceOutcome governance,
    InferenceOutcome inference,
    AsyncOutcome async) {

  /** The runtime Deployment and the policy set only: no add-on object, no inference pool. */
  public static Observations of(Optional<Deployment> runtime, GovernanceOutcome governance) {
    return new Observations(
        runtime,
        AddOnOutcome.NOT_REQUESTED,
        AddOnOutcome.NOT_REQUESTED,
        governance,
        InferenceOutcome.NOT_REQUESTED,
        AsyncOutcome.NOT_REQUESTED);
  }

  /** These observations with {@code mesh} instead. */
  public Observations withMesh(AddOnOutcome mesh) {
    return new Observations(runtime, mesh, monitoring, governance, inference, async);
  }

  /** These observations with {@code monitoring} instead. */
  public Observations withMonitoring(AddOnOutcome monitoring) {
    return new Observations(runtime, mesh, monitoring, governance, inference, async);
  }

  /** These observations with {@code inference} instead. */
  public Observations withInference(InferenceOutcome inference) {
    return new Observations(runtime, mesh, monitoring, governance, inference, async);
  }

  /** These observations with {@code async} instead. */
  public Observations withAsync(AsyncOutcome async) {
    return new Observations(runtime, mesh, monitoring, governance, inference, async);
  }

  /** Whether an add-on the spec uses is missing or unusable: worth looking again later. */
  public boolean addOnSkipped() {
    return !mesh.skipped().isEmpty()
        || monitoring
            .firstProblem()
            .filter(crd -> crd.state() != AddOnCrd.State.MISSING)
            .isPresent()
        || inference.unusableAddOns().stream()
            .anyMatch(crd -> crd.state() != AddOnCrd.State.MISSING);
  }
}
