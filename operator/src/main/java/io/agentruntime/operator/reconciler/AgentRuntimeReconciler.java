package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.dependent.AlertsRequested;
import io.agentruntime.operator.dependent.AutoscalerHandover;
import io.agentruntime.operator.dependent.CrdInstalled;
import io.agentruntime.operator.dependent.GpuNodePoolDependentResource;
import io.agentruntime.operator.dependent.GpuNodePoolRequested;
import io.agentruntime.operator.dependent.InferenceAuthorizationPolicyDependentResource;
import io.agentruntime.operator.dependent.InferenceAuthorizationPolicyWanted;
import io.agentruntime.operator.dependent.InferenceDeploymentDependentResource;
import io.agentruntime.operator.dependent.InferenceHpaDependentResource;
import io.agentruntime.operator.dependent.InferenceHpaWanted;
import io.agentruntime.operator.dependent.InferenceNetworkPolicyDependentResource;
import io.agentruntime.operator.dependent.InferenceRequested;
import io.agentruntime.operator.dependent.InferenceScaledObjectDependentResource;
import io.agentruntime.operator.dependent.InferenceScaledObjectWanted;
import io.agentruntime.operator.dependent.InferenceServiceDependentResource;
import io.agentruntime.operator.dependent.MeshRequested;
import io.agentruntime.operator.dependent.ModelCacheDependentResource;
import io.agentruntime.operator.dependent.ModelCacheRequested;
import io.agentruntime.operator.dependent.RuntimeAuthorizationPolicyDependentResource;
import io.agentruntime.operator.dependent.RuntimeAuthorizationPolicyWanted;
import io.agentruntime.operator.dependent.RuntimeConfigMapDependentResource;
import io.agentruntime.operator.dependent.RuntimeDeploymentDependentResource;
import io.agentruntime.operator.dependent.RuntimeDestinationRuleDependentResource;
import io.agentruntime.operator.dependent.RuntimeHpaDependentResource;
import io.agentruntime.operator.dependent.RuntimePdbDependentResource;
import io.agentruntime.operator.dependent.RuntimePeerAuthenticationDependentResource;
import io.agentruntime.operator.dependent.RuntimePrometheusRuleDependentResource;
import io.agentruntime.operator.dependent.RuntimeRequestAuthenticationDependentResource;
import io.agentruntime.operator.dependent.RuntimeRequestAuthenticationWanted;
import io.agentruntime.operator.dependent.RuntimeServiceAccountDependentResource;
import io.agentruntime.operator.dependent.RuntimeServiceDependentResource;
import io.agentruntime.operator.dependent.RuntimeServiceMonitorDependentResource;
import io.agentruntime.operator.dependent.RuntimeVirtualServiceDependentResource;
import io.agentruntime.operator.dependent.ServiceMonitorRequested;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.status.AgentRuntimeStatusAggregator;
import io.agentruntime.operator.status.GovernanceOutcome;
import io.agentruntime.operator.status.Observations;
import io.agentruntime.operator.store.GovernanceStore;
import io.agentruntime.operator.validation.AgentRuntimeValidator;
import io.agentruntime.operator.validation.ValidationError;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reconciles an AgentRuntime: validates the spec, applies the runtime's objects through the
 * workflow of dependents, and reports the outcome in the status.
 *
 * <p>The workflow is invoked explicitly so that validation runs first: an invalid spec never
 * half-applies, and the objects of the last valid spec stay as they are. The operator writes only
 * the status, never the spec.
 *
 * <p>An add-on's objects (Istio, Karpenter, KEDA, prometheus-operator) are applied only where its
 * CRDs serve the version the operator writes ({@link CrdInstalled}) and the spec asks for them;
 * where an add-on is missing or too old the rest is applied as usual, the status says so, and the
 * AgentRuntime is reconciled again after {@link CrdInstalled#CHECK_INTERVAL} so that installing or
 * upgrading it later takes effect.
 *
 * <p>With a DynamoDB policy store the head of the runtime's policy set is read on every
 * reconciliation (the table is created first when missing and {@code createTable} is set) and
 * reported as {@code policySetVersion} and the {@code GovernanceSynced} condition. A change to one
 * of the runtime's GovernancePolicies reconciles it, so the version follows every push.
 *
 * <p>Everything applied is owned by the AgentRuntime and goes with it, except the cluster-scoped
 * GPU NodePool: the AgentRuntime carries a finalizer only while it has one ({@link
 * GpuNodePoolFinalizer}).
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(
          name = RuntimeServiceAccountDependentResource.NAME,
          type = RuntimeServiceAccountDependentResource.class),
      @Dependent(
          name = RuntimeConfigMapDependentResource.NAME,
          type = RuntimeConfigMapDependentResource.class),
      @Dependent(
          name = RuntimeDeploymentDependentResource.NAME,
          type = RuntimeDeploymentDependentResource.class,
          dependsOn = {
            RuntimeServiceAccountDependentResource.NAME,
            RuntimeConfigMapDependentResource.NAME
          }),
      @Dependent(
          name = RuntimeServiceDependentResource.NAME,
          type = RuntimeServiceDependentResource.class),
      @Dependent(
          name = RuntimeHpaDependentResource.NAME,
          type = RuntimeHpaDependentResource.class,
          dependsOn = RuntimeDeploymentDependentResource.NAME),
      @Dependent(name = RuntimePdbDependentResource.NAME, type = RuntimePdbDependentResource.class),
      @Dependent(
          name = RuntimePeerAuthenticationDependentResource.NAME,
          type = RuntimePeerAuthenticationDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = MeshRequested.class),
      @Dependent(
          name = RuntimeAuthorizationPolicyDependentResource.NAME,
          type = RuntimeAuthorizationPolicyDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = RuntimeAuthorizationPolicyWanted.class),
      @Dependent(
          name = RuntimeRequestAuthenticationDependentResource.NAME,
          type = RuntimeRequestAuthenticationDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = RuntimeRequestAuthenticationWanted.class),
      @Dependent(
          name = RuntimeDestinationRuleDependentResource.NAME,
          type = RuntimeDestinationRuleDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = MeshRequested.class),
      @Dependent(
          name = RuntimeVirtualServiceDependentResource.NAME,
          type = RuntimeVirtualServiceDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = MeshRequested.class),
      @Dependent(
          name = GpuNodePoolDependentResource.NAME,
          type = GpuNodePoolDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = GpuNodePoolRequested.class),
      @Dependent(
          name = ModelCacheDependentResource.NAME,
          type = ModelCacheDependentResource.class,
          reconcilePrecondition = ModelCacheRequested.class),
      @Dependent(
          name = InferenceNetworkPolicyDependentResource.NAME,
          type = InferenceNetworkPolicyDependentResource.class,
          reconcilePrecondition = InferenceRequested.class),
      @Dependent(
          name = InferenceAuthorizationPolicyDependentResource.NAME,
          type = InferenceAuthorizationPolicyDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = InferenceAuthorizationPolicyWanted.class),
      @Dependent(
          name = InferenceDeploymentDependentResource.NAME,
          type = InferenceDeploymentDependentResource.class,
          reconcilePrecondition = InferenceRequested.class),
      @Dependent(
          name = InferenceServiceDependentResource.NAME,
          type = InferenceServiceDependentResource.class,
          reconcilePrecondition = InferenceRequested.class),
      @Dependent(
          name = InferenceHpaDependentResource.NAME,
          type = InferenceHpaDependentResource.class,
          reconcilePrecondition = InferenceHpaWanted.class),
      @Dependent(
          name = InferenceScaledObjectDependentResource.NAME,
          type = InferenceScaledObjectDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = InferenceScaledObjectWanted.class),
      @Dependent(
          name = RuntimeServiceMonitorDependentResource.NAME,
          type = RuntimeServiceMonitorDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = ServiceMonitorRequested.class),
      @Dependent(
          name = RuntimePrometheusRuleDependentResource.NAME,
          type = RuntimePrometheusRuleDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = AlertsRequested.class)
    })
@ControllerConfiguration(name = AgentRuntimeReconciler.NAME, fieldManager = Labels.OPERATOR_NAME)
public class AgentRuntimeReconciler implements Reconciler<AgentRuntime> {

  /** The controller's name, as it appears in logs and metrics. */
  public static final String NAME = "agentruntime";

  private final GovernanceStore store;
  private final AgentRuntimeStatusAggregator statuses;
  private final InvalidSpecEvents events;

  /**
   * @param store where runtimes with a DynamoDB store keep their policy sets
   * @param clock stamps status transitions and Events
   */
  public AgentRuntimeReconciler(GovernanceStore store, Clock clock) {
    this.store = store;
    this.statuses = new AgentRuntimeStatusAggregator(clock);
    this.events = new InvalidSpecEvents(clock);
  }

  @Override
  public List<EventSource<?, AgentRuntime>> prepareEventSources(
      EventSourceContext<AgentRuntime> context) {
    return List.of(PoliciesOfRuntime.eventSource(context));
  }

  @Override
  public UpdateControl<AgentRuntime> reconcile(AgentRuntime cr, Context<AgentRuntime> context) {
    var errors = AgentRuntimeValidator.validate(cr);
    UpdateControl<AgentRuntime> control = UpdateControl.noUpdate();
    AgentRuntimeStatus status;
    if (errors.isEmpty()) {
      status = apply(cr, context, control);
    } else {
      var message = describe(errors);
      events.report(context.getClient(), cr, conditions(cr), message);
      status = statuses.invalid(cr, message);
    }
    if (AgentRuntimeStatusAggregator.changed(cr, status)) {
      StatusPatches.write(cr, status, context, AgentRuntime::new);
    }
    return control;
  }

  /**
   * Applies a valid spec and returns the status it makes, scheduling on {@code control} the next
   * look at what may change without an event: a NodePool or an HPA of KEDA being deleted, the store
   * back, an add-on installed or upgraded.
   */
  private AgentRuntimeStatus apply(
      AgentRuntime cr, Context<AgentRuntime> context, UpdateControl<AgentRuntime> control) {
    var client = context.getClient();
    boolean nodePoolWanted = GpuNodePoolFinalizer.wanted(cr, client);
    if (nodePoolWanted) {
      GpuNodePoolFinalizer.retain(cr, client);
    }
    var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    boolean nodePoolReleased = nodePoolWanted || GpuNodePoolFinalizer.release(cr, client);
    var observed =
        Observations.of(runtimeDeployment(cr, context), GovernanceObservations.observe(store, cr))
            .withMesh(AddOnObservations.mesh(cr, result, client))
            .withMonitoring(AddOnObservations.monitoring(cr, result, client))
            .withInference(InferenceObservations.observe(cr, context, result));
    var rechecks = new ArrayList<Duration>();
    if (!nodePoolReleased) {
      rechecks.add(GpuNodePoolFinalizer.RELEASE_RECHECK);
    }
    if (AutoscalerHandover.waitingForKedaHpa(cr, context)) {
      rechecks.add(AutoscalerHandover.RECHECK);
    }
    if (observed.governance() instanceof GovernanceOutcome.Failed) {
      rechecks.add(GovernanceObservations.RETRY_INTERVAL);
    }
    if (observed.addOnSkipped()) {
      rechecks.add(CrdInstalled.CHECK_INTERVAL);
    }
    rechecks.stream().min(Comparator.naturalOrder()).ifPresent(control::rescheduleAfter);
    return statuses.applied(cr, observed);
  }

  /** The runtime's Deployment, told apart by name from the model servers' Deployment. */
  private static Optional<Deployment> runtimeDeployment(
      AgentRuntime cr, Context<AgentRuntime> context) {
    return deployment(context, ResourceNames.runtime(cr));
  }

  /** The Deployment {@code name} among the AgentRuntime's secondaries (runtime or inference). */
  static Optional<Deployment> deployment(Context<AgentRuntime> context, String name) {
    return context
        .getSecondaryResourcesAsStream(Deployment.class)
        .filter(deployment -> name.equals(deployment.getMetadata().getName()))
        .findFirst();
  }

  private static List<Condition> conditions(AgentRuntime cr) {
    return cr.getStatus() == null ? null : cr.getStatus().getConditions();
  }

  /**
   * Reports a failure to apply a valid spec in the status (JOSDK retries it with back-off); the
   * write is skipped when the status already says the same. An invalid spec's status stands.
   */
  @Override
  public ErrorStatusUpdateControl<AgentRuntime> updateErrorStatus(
      AgentRuntime cr, Context<AgentRuntime> context, Exception e) {
    if (!AgentRuntimeValidator.validate(cr).isEmpty()) {
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    var status = statuses.applyFailed(cr, ApplyFailures.describe(e));
    if (AgentRuntimeStatusAggregator.changed(cr, status)) {
      StatusPatches.write(cr, status, context, AgentRuntime::new);
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** One line naming every field at fault, e.g. {@code spec.replicas.min: must not exceed max}. */
  static String describe(List<ValidationError> errors) {
    return errors.stream().map(ValidationError::toString).collect(Collectors.joining("; "));
  }
}
