package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.dependent.AutoscalerHandover;
import io.agentruntime.operator.dependent.CrdInstalled;
import io.agentruntime.operator.dependent.CrdLookups;
import io.agentruntime.operator.dependent.GpuNodePoolDependentResource;
import io.agentruntime.operator.dependent.InferenceAuthorizationPolicyDependentResource;
import io.agentruntime.operator.dependent.InferenceDeploymentDependentResource;
import io.agentruntime.operator.dependent.InferenceHpaDependentResource;
import io.agentruntime.operator.dependent.InferenceNetworkPolicyDependentResource;
import io.agentruntime.operator.dependent.InferenceScaledObjectDependentResource;
import io.agentruntime.operator.dependent.InferenceServiceDependentResource;
import io.agentruntime.operator.dependent.ModelCacheDependentResource;
import io.agentruntime.operator.dependent.RuntimeAuthorizationPolicyDependentResource;
import io.agentruntime.operator.dependent.RuntimeConfigMapDependentResource;
import io.agentruntime.operator.dependent.RuntimeDeploymentDependentResource;
import io.agentruntime.operator.dependent.RuntimeDestinationRuleDependentResource;
import io.agentruntime.operator.dependent.RuntimeHpaDependentResource;
import io.agentruntime.operator.dependent.RuntimePdbDependentResource;
import io.agentruntime.operator.dependent.RuntimePeerAuthenticationDependentResource;
import io.agentruntime.operator.dependent.RuntimePrometheusRuleDependentResource;
import io.agentruntime.operator.dependent.RuntimeRequestAuthenticationDependentResource;
import io.agentruntime.operator.dependent.RuntimeServiceAccountDependentResource;
import io.agentruntime.operator.dependent.RuntimeServiceDependentResource;
import io.agentruntime.operator.dependent.RuntimeServiceMonitorDependentResource;
import io.agentruntime.operator.dependent.RuntimeVirtualServiceDependentResource;
import io.agentruntime.operator.dependent.SpecWants;
import io.agentruntime.operator.dependent.WorkerDeploymentDependentResource;
import io.agentruntime.operator.dependent.WorkerHpaDependentResource;
import io.agentruntime.operator.dependent.WorkerScaledObjectDependentResource;
import io.agentruntime.operator.dependent.WorkerServiceAccountDependentResource;
import io.agentruntime.operator.dependent.WorkerTriggerAuthenticationDependentResource;
import io.agentruntime.operator.dependent.WorkflowInputs;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.RenderSettings;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.status.AgentRuntimeStatusAggregator;
import io.agentruntime.operator.status.GovernanceOutcome;
import io.agentruntime.operator.status.Observations;
import io.agentruntime.operator.store.DispatchQueues;
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
 * AgentRuntime is reconciled again after the operator's add-on recheck interval so that installing
 * or upgrading it later takes effect. Which objects a spec wants, and which add-on each needs, is
 * {@link io.agentruntime.operator.render.ManagedKind}'s to say: every dependent applies one entry.
 *
 * <p>With a DynamoDB policy store the head of the runtime's policy set is read on every
 * reconciliation (the table is created first when missing and {@code createTable} is set) and
 * reported as {@code policySetVersion} and the {@code GovernanceSynced} condition. A change to one
 * of the runtime's GovernancePolicies reconciles it, so the version follows every push.
 *
 * <p>With {@code spec.async.queue.create} the queue and its dead-letter queue are created (or
 * brought to the spec's attributes) before the workflow runs, so the workers that need its URL are
 * applied in the same reconciliation ({@link AsyncObservations}).
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
          name = WorkerServiceAccountDependentResource.NAME,
          type = WorkerServiceAccountDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = WorkerDeploymentDependentResource.NAME,
          type = WorkerDeploymentDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = WorkerHpaDependentResource.NAME,
          type = WorkerHpaDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = WorkerTriggerAuthenticationDependentResource.NAME,
          type = WorkerTriggerAuthenticationDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = WorkerScaledObjectDependentResource.NAME,
          type = WorkerScaledObjectDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimePeerAuthenticationDependentResource.NAME,
          type = RuntimePeerAuthenticationDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimeAuthorizationPolicyDependentResource.NAME,
          type = RuntimeAuthorizationPolicyDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimeRequestAuthenticationDependentResource.NAME,
          type = RuntimeRequestAuthenticationDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimeDestinationRuleDependentResource.NAME,
          type = RuntimeDestinationRuleDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimeVirtualServiceDependentResource.NAME,
          type = RuntimeVirtualServiceDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = GpuNodePoolDependentResource.NAME,
          type = GpuNodePoolDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = ModelCacheDependentResource.NAME,
          type = ModelCacheDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceNetworkPolicyDependentResource.NAME,
          type = InferenceNetworkPolicyDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceAuthorizationPolicyDependentResource.NAME,
          type = InferenceAuthorizationPolicyDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceDeploymentDependentResource.NAME,
          type = InferenceDeploymentDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceServiceDependentResource.NAME,
          type = InferenceServiceDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceHpaDependentResource.NAME,
          type = InferenceHpaDependentResource.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = InferenceScaledObjectDependentResource.NAME,
          type = InferenceScaledObjectDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimeServiceMonitorDependentResource.NAME,
          type = RuntimeServiceMonitorDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class),
      @Dependent(
          name = RuntimePrometheusRuleDependentResource.NAME,
          type = RuntimePrometheusRuleDependentResource.class,
          activationCondition = CrdInstalled.class,
          reconcilePrecondition = SpecWants.class)
    })
@ControllerConfiguration(name = AgentRuntimeReconciler.NAME, fieldManager = Labels.OPERATOR_NAME)
public class AgentRuntimeReconciler implements Reconciler<AgentRuntime> {

  /** The controller's name, as it appears in logs and metrics. */
  public static final String NAME = "agentruntime";

  private final GovernanceStore store;
  private final WorkflowInputs inputs;
  private final AgentRuntimeStatusAggregator statuses;
  private final InvalidSpecEvents events;
  private final AsyncObservations async;

  /**
   * @param store where runtimes with a DynamoDB store keep their policy sets
   * @param queues where runtimes with {@code spec.async.queue.create} get their queues
   * @param rendering what the renderers need of the operator's installation
   * @param addOnRecheckInterval how often a missing or unusable add-on CRD is looked up again
   * @param clock stamps status transitions and Events, and times the CRD lookups
   */
  public AgentRuntimeReconciler(
      GovernanceStore store,
      DispatchQueues queues,
      RenderSettings rendering,
      Duration addOnRecheckInterval,
      Clock clock) {
    this.store = store;
    this.async = new AsyncObservations(queues, clock);
    this.inputs = new WorkflowInputs(rendering, new CrdLookups(clock, addOnRecheckInterval));
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
      var message = ValidationError.describe(errors);
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
    var written = cr.getStatus();
    var spec = EffectiveSpec.of(cr.getSpec());
    var queue = async.provision(client, cr, spec);
    inputs.put(context, spec);
    boolean nodePoolWanted = GpuNodePoolFinalizer.wanted(cr, spec, client, inputs.crds());
    if (nodePoolWanted) {
      GpuNodePoolFinalizer.retain(cr, client);
    }
    var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    boolean nodePoolReleased = nodePoolWanted || GpuNodePoolFinalizer.release(cr, client);
    var addOns = new AddOnObservations(cr, spec, result, client, inputs.crds());
    var inferenceDeployment = deployment(context, ResourceNames.inference(cr));
    var observed =
        Observations.of(
                deployment(context, ResourceNames.runtime(cr)),
                GovernanceObservations.observe(store, cr))
            .withMesh(addOns.of(AddOn.ISTIO))
            .withMonitoring(addOns.of(AddOn.PROMETHEUS_OPERATOR))
            .withInference(InferenceObservations.observe(cr, context, inferenceDeployment, addOns))
            .withAsync(
                AsyncObservations.observe(
                    cr,
                    spec,
                    queue,
                    deployment(context, ResourceNames.worker(cr)),
                    inputs.installedAddOns(context).has(AddOn.KEDA)));
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
    cr.setStatus(written);
    if (queue.failure().isPresent()) {
      rechecks.add(AsyncObservations.RETRY_INTERVAL);
    }
    if (observed.addOnSkipped()) {
      rechecks.add(inputs.crds().recheckInterval());
    }
    rechecks.stream().min(Comparator.naturalOrder()).ifPresent(control::rescheduleAfter);
    return statuses.applied(cr, spec, observed);
  }

  /** The Deployment {@code name} among the AgentRuntime's secondaries (runtime or inference). */
  private static Optional<Deployment> deployment(Context<AgentRuntime> context, String name) {
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
}
