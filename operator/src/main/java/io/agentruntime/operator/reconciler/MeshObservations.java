package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.RuntimeAuthorizationPolicyRenderer;
import io.agentruntime.operator.status.MeshOutcome;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads what became of the Istio objects from the workflow's result.
 *
 * <p>The spec asks for the kinds {@code render} prints; the workflow applies those whose reconcile
 * precondition (the same question) holds and whose activation condition found Istio's CRD. A
 * workflow that failed throws before this is consulted, so a requested kind that was not applied
 * was skipped because its CRD is missing.
 */
final class MeshObservations {

  private MeshObservations() {}

  /** The Istio kinds {@code cr} asks for, split into applied and skipped. */
  static MeshOutcome observe(AgentRuntime cr, WorkflowReconcileResult result) {
    if (!AgentRuntimeRenderer.usesMesh(cr.getSpec())) {
      return MeshOutcome.NOT_REQUESTED;
    }
    List<Class<? extends HasMetadata>> requested =
        new ArrayList<>(
            List.of(DestinationRule.class, VirtualService.class, PeerAuthentication.class));
    if (RuntimeAuthorizationPolicyRenderer.render(cr).isPresent()) {
      requested.add(AuthorizationPolicy.class);
    }
    var reconciled =
        result.getReconciledDependents().stream()
            .map(DependentResource::resourceType)
            .collect(Collectors.toSet());
    Map<Boolean, List<String>> byApplied =
        requested.stream()
            .collect(
                Collectors.partitioningBy(
                    reconciled::contains,
                    Collectors.mapping(HasMetadata::getKind, Collectors.toList())));
    return new MeshOutcome(byApplied.get(true), byApplied.get(false));
  }
}
