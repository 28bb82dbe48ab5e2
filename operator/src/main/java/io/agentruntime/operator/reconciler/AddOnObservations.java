package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.dependent.CrdLookups;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.InstalledAddOns;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.status.AddOnCrd;
import io.agentruntime.operator.status.AddOnOutcome;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.dependent.workflow.WorkflowReconcileResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what became of an add-on's objects from the workflow's result.
 *
 * <p>The spec wants the entries of {@link ManagedKind} that {@code render} prints; the workflow
 * applies those whose reconcile precondition (the same question) holds and whose activation
 * condition found a usable CRD. A workflow that failed throws before this is consulted, so a wanted
 * kind that was not applied was skipped because of its CRD, which {@link CrdLookups#availability}
 * describes, or is waiting for a handover ({@code AutoscalerHandover}) on a usable CRD.
 *
 * @param cr the AgentRuntime reconciled
 * @param spec its effective spec
 * @param result what the workflow applied
 * @param client the operator's client
 * @param crds the operator's lookups of the add-ons' CRDs
 */
record AddOnObservations(
    AgentRuntime cr,
    EffectiveSpec spec,
    WorkflowReconcileResult result,
    KubernetesClient client,
    CrdLookups crds) {

  /**
   * The kinds of {@code addOn} that {@code cr} wants, split into applied and skipped, in the order
   * of the add-on's API groups (Istio's traffic rules before its security policies), then in apply
   * order.
   */
  AddOnOutcome of(AddOn addOn) {
    InstalledAddOns installed = crds.installedAddOns(client);
    List<Class<? extends HasMetadata>> wanted =
        ManagedKind.of(addOn).stream()
            .filter(kind -> kind.wantedBy(cr, spec, installed))
            .map(ManagedKind::type)
            .distinct()
            .sorted(
                Comparator.comparing(type -> addOn.groups().indexOf(HasMetadata.getGroup(type))))
            .toList();
    Set<String> reconciled =
        result.getReconciledDependents().stream()
            .map(dependent -> dependent.resourceType().getName())
            .collect(Collectors.toSet());
    List<String> applied = new ArrayList<>();
    List<AddOnCrd> skipped = new ArrayList<>();
    for (var kind : wanted) {
      if (reconciled.contains(kind.getName())) {
        applied.add(HasMetadata.getKind(kind));
        continue;
      }
      AddOnCrd crd = crds.availability(client, kind);
      // Usable now but not when the workflow ran: the next reconciliation applies it.
      if (!crd.usable()) {
        skipped.add(crd);
      }
    }
    return new AddOnOutcome(applied, skipped);
  }
}
