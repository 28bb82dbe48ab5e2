package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.dependent.CrdInstalled;
import io.agentruntime.operator.render.AgentRuntimeRenderer;
import io.agentruntime.operator.render.InferenceAuthorizationPolicyRenderer;
import io.agentruntime.operator.render.MonitoringDefaults;
import io.agentruntime.operator.render.RuntimeAuthorizationPolicyRenderer;
import io.agentruntime.operator.render.RuntimeRequestAuthenticationRenderer;
import io.agentruntime.operator.status.AddOnCrd;
import io.agentruntime.operator.status.AddOnOutcome;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what became of an add-on's objects from the workflow's result: Istio's for {@code mesh} and
 * {@code failover}, prometheus-operator's for {@code monitoring}.
 *
 * <p>The spec asks for the kinds {@code render} prints; the workflow applies those whose reconcile
 * precondition (the same question) holds and whose activation condition found a usable CRD. A
 * workflow that failed throws before this is consulted, so a requested kind that was not applied
 * was skipped because of its CRD, which {@link CrdInstalled#availability} describes.
 */
final class AddOnObservations {

  private AddOnObservations() {}

  /** The Istio kinds {@code cr} asks for, split into applied and skipped. */
  static AddOnOutcome mesh(
      AgentRuntime cr, WorkflowReconcileResult result, KubernetesClient client) {
    if (!AgentRuntimeRenderer.usesMesh(cr.getSpec())) {
      return AddOnOutcome.NOT_REQUESTED;
    }
    List<Class<? extends HasMetadata>> requested =
        new ArrayList<>(
            List.of(DestinationRule.class, VirtualService.class, PeerAuthentication.class));
    if (RuntimeRequestAuthenticationRenderer.authentication(cr).isPresent()) {
      requested.add(RequestAuthentication.class);
    }
    if (RuntimeAuthorizationPolicyRenderer.render(cr).isPresent()
        || InferenceAuthorizationPolicyRenderer.render(cr).isPresent()) {
      requested.add(AuthorizationPolicy.class);
    }
    return observe(requested, result, client);
  }

  /** The prometheus-operator kinds {@code cr} asks for, split into applied and skipped. */
  static AddOnOutcome monitoring(
      AgentRuntime cr, WorkflowReconcileResult result, KubernetesClient client) {
    List<Class<? extends HasMetadata>> requested = new ArrayList<>();
    if (MonitoringDefaults.serviceMonitor(cr.getSpec())) {
      requested.add(ServiceMonitor.class);
    }
    if (MonitoringDefaults.alerts(cr.getSpec())) {
      requested.add(PrometheusRule.class);
    }
    return observe(requested, result, client);
  }

  private static AddOnOutcome observe(
      List<Class<? extends HasMetadata>> requested,
      WorkflowReconcileResult result,
      KubernetesClient client) {
    Set<String> reconciled =
        result.getReconciledDependents().stream()
            .map(dependent -> dependent.resourceType().getName())
            .collect(Collectors.toSet());
    List<String> applied = new ArrayList<>();
    List<AddOnCrd> skipped = new ArrayList<>();
    for (var kind : requested) {
      if (reconciled.contains(kind.getName())) {
        applied.add(HasMetadata.getKind(kind));
        continue;
      }
      AddOnCrd crd = CrdInstalled.availability(client, kind);
      // Usable now but not when the workflow ran: the next reconciliation applies it.
      if (!crd.usable()) {
        skipped.add(crd);
      }
    }
    return new AddOnOutcome(applied, skipped);
  }
}
