package io.agentruntime.operator.status;

import static io.agentruntime.operator.status.AgentRuntimeConditions.ASYNC_READY;
import static io.agentruntime.operator.status.AgentRuntimeConditions.AVAILABLE;
import static io.agentruntime.operator.status.AgentRuntimeConditions.GOVERNANCE_SYNCED;
import static io.agentruntime.operator.status.AgentRuntimeConditions.INFERENCE_READY;
import static io.agentruntime.operator.status.AgentRuntimeConditions.MESH_CONFIGURED;
import static io.agentruntime.operator.status.AgentRuntimeConditions.MONITORING_CONFIGURED;
import static io.agentruntime.operator.status.AgentRuntimeConditions.READY;
import static io.agentruntime.operator.status.AgentRuntimeConditions.VALID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.render.ResourceNames;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds an AgentRuntime's status from what was observed, the single place that decides phase and
 * conditions.
 *
 * <p>Phases of a valid spec, from the runtime Deployment's {@code status.readyReplicas}:
 *
 * <ul>
 *   <li>{@code Ready} once at least one runtime pod is ready: the minimum that serves {@code
 *       /dispatch}, and what the PodDisruptionBudget protects ({@code minAvailable: 1});
 *   <li>{@code Degraded} when no pod is ready but the runtime had been available before (the
 *       previous {@code Available} condition was True, or the phase already Degraded);
 *   <li>{@code Progressing} otherwise: objects applied, the first pod not ready yet.
 * </ul>
 *
 * <p>A condition's {@code lastTransitionTime} changes only when its status does; otherwise the
 * previous time is kept, so an unchanged observation yields an identical status and {@link
 * #changed} lets the caller skip the write.
 */
public final class AgentRuntimeStatusAggregator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock;

  /** Creates an aggregator stamping transitions with {@code clock}'s time. */
  public AgentRuntimeStatusAggregator(Clock clock) {
    this.clock = clock;
  }

  /**
   * The status of a spec that failed validation: nothing was applied, so the observed replica
   * counts and the {@code Available} and {@code MeshConfigured} conditions of the last applied spec
   * are kept.
   *
   * @param message what is wrong, naming the field(s) at fault
   */
  public AgentRuntimeStatus invalid(AgentRuntime cr, String message) {
    var previous = Optional.ofNullable(cr.getStatus()).orElseGet(AgentRuntimeStatus::new);
    var status = copyObserved(cr, previous);
    status.setPhase(AgentRuntimePhase.INVALID);
    var conditions = new ArrayList<Condition>();
    conditions.add(
        condition(cr, VALID, false, AgentRuntimeConditions.REASON_INVALID_SPEC, message));
    previousCondition(cr, AVAILABLE).ifPresent(conditions::add);
    previousCondition(cr, MESH_CONFIGURED).ifPresent(conditions::add);
    previousCondition(cr, MONITORING_CONFIGURED).ifPresent(conditions::add);
    previousCondition(cr, GOVERNANCE_SYNCED).ifPresent(conditions::add);
    previousCondition(cr, INFERENCE_READY).ifPresent(conditions::add);
    previousCondition(cr, ASYNC_READY).ifPresent(conditions::add);
    conditions.add(
        condition(
            cr, READY, false, AgentRuntimeConditions.REASON_INVALID_SPEC, "the spec is invalid"));
    status.setConditions(conditions);
    return status;
  }

  /**
   * The status of a valid spec whose objects could not all be applied: the phase of the objects
   * already serving is kept ({@code Pending} if none were), and {@code Ready} says what failed.
   *
   * @param message what failed, naming the objects concerned
   */
  public AgentRuntimeStatus applyFailed(AgentRuntime cr, String message) {
    var previous = Optional.ofNullable(cr.getStatus()).orElseGet(AgentRuntimeStatus::new);
    var status = copyObserved(cr, previous);
    status.setPhase(
        Optional.ofNullable(previous.getPhase())
            .filter(phase -> phase != AgentRuntimePhase.INVALID)
            .orElse(AgentRuntimePhase.PENDING));
    var conditions = new ArrayList<Condition>();
    conditions.add(
        condition(cr, VALID, true, AgentRuntimeConditions.REASON_SPEC_VALID, "the spec is valid"));
    previousCondition(cr, AVAILABLE).ifPresent(conditions::add);
    previousCondition(cr, MESH_CONFIGURED).ifPresent(conditions::add);
    previousCondition(cr, MONITORING_CONFIGURED).ifPresent(conditions::add);
    previousCondition(cr, GOVERNANCE_SYNCED).ifPresent(conditions::add);
    previousCondition(cr, INFERENCE_READY).ifPresent(conditions::add);
    previousCondition(cr, ASYNC_READY).ifPresent(conditions::add);
    conditions.add(
        condition(cr, READY, false, AgentRuntimeConditions.REASON_APPLY_FAILED, message));
    status.setConditions(conditions);
    return status;
  }

  /**
   * The status of a valid, applied spec, given what the reconciliation observed: the runtime
   * Deployment, the add-ons' objects, the policy set and the inference pool.
   *
   * @param spec the effective spec the reconciliation applied, which the mesh warnings read
   */
  public AgentRuntimeStatus applied(AgentRuntime cr, EffectiveSpec spec, Observations observed) {
    var previous = Optional.ofNullable(cr.getStatus()).orElseGet(AgentRuntimeStatus::new);
    var pods = observed.runtime().map(Deployment::getStatus).orElseGet(DeploymentStatus::new);
    int replicas = Objects.requireNonNullElse(pods.getReplicas(), 0);
    int ready = Objects.requireNonNullElse(pods.getReadyReplicas(), 0);
    var phase = phase(cr, previous, ready);

    var status = copyObserved(cr, previous);
    status.setPhase(phase);
    status.setReplicas(replicas);
    status.setReadyReplicas(ready);
    status.setEndpoint(ResourceNames.dispatchEndpoint(cr));
    var podsReady = ready + " of " + replicas + " runtime pods ready";
    var conditions = new ArrayList<Condition>();
    conditions.add(
        condition(cr, VALID, true, AgentRuntimeConditions.REASON_SPEC_VALID, "the spec is valid"));
    conditions.add(
        ready > 0
            ? condition(
                cr,
                AVAILABLE,
                true,
                AgentRuntimeConditions.REASON_MINIMUM_REPLICAS_AVAILABLE,
                podsReady)
            : condition(
                cr, AVAILABLE, false, AgentRuntimeConditions.REASON_NO_REPLICAS_READY, podsReady));
    meshCondition(cr, spec, observed.mesh()).ifPresent(conditions::add);
    monitoringCondition(cr, observed.monitoring()).ifPresent(conditions::add);
    var governance = observed.governance();
    var inference = observed.inference();
    status.setPolicySetVersion(
        switch (governance) {
          case GovernanceOutcome.NotConfigured none -> null;
          case GovernanceOutcome.Synced synced -> synced.version();
          case GovernanceOutcome.Failed failed -> previous.getPolicySetVersion();
        });
    governanceCondition(cr, governance).ifPresent(conditions::add);
    if (inference.requested()) {
      conditions.add(
          condition(
              cr, INFERENCE_READY, inference.isReady(), inference.reason(), inference.message()));
    }
    status.setAsync(observed.async().createdQueue().orElse(null));
    asyncCondition(cr, observed.async()).ifPresent(conditions::add);
    conditions.add(readyCondition(cr, phase, podsReady));
    status.setConditions(conditions);
    return status;
  }

  /** Whether {@code desired} differs from the status {@code cr} carries (so it must be written). */
  public static boolean changed(AgentRuntime cr, AgentRuntimeStatus desired) {
    return cr.getStatus() == null
        || !JSON.valueToTree(cr.getStatus()).equals(JSON.valueToTree(desired));
  }

  private static AgentRuntimePhase phase(
      AgentRuntime cr, AgentRuntimeStatus previous, int readyReplicas) {
    if (readyReplicas > 0) {
      return AgentRuntimePhase.READY;
    }
    boolean wasAvailable =
        previousCondition(cr, AVAILABLE).map(c -> "True".equals(c.getStatus())).orElse(false);
    return wasAvailable || previous.getPhase() == AgentRuntimePhase.DEGRADED
        ? AgentRuntimePhase.DEGRADED
        : AgentRuntimePhase.PROGRESSING;
  }

  /** {@code MeshConfigured}; none when the spec asks for no Istio object. */
  private Optional<Condition> meshCondition(
      AgentRuntime cr, EffectiveSpec spec, AddOnOutcome mesh) {
    return addOnCondition(
        cr,
        MESH_CONFIGURED,
        mesh,
        AgentRuntimeConditions.REASON_MESH_APPLIED,
        () -> MeshWarnings.of(spec),
        "spec.mesh and spec.failover have no effect");
  }

  /**
   * {@code MonitoringConfigured}; none when the spec asks for no monitoring object, or where
   * prometheus-operator is not installed (monitoring is then left out as documented).
   */
  private Optional<Condition> monitoringCondition(AgentRuntime cr, AddOnOutcome monitoring) {
    if (monitoring.notInstalled()) {
      return Optional.empty();
    }
    return addOnCondition(
        cr,
        MONITORING_CONFIGURED,
        monitoring,
        AgentRuntimeConditions.REASON_MONITORING_APPLIED,
        () -> "",
        "spec.monitoring has no effect");
  }

  /**
   * A condition on an add-on's objects: True with the kinds applied, or False naming the first
   * problem's reason (e.g. {@code IstioVersionUnsupported}) and every CRD the operator could not
   * use; none when the spec asks for none of the add-on's objects.
   */
  private Optional<Condition> addOnCondition(
      AgentRuntime cr,
      String type,
      AddOnOutcome outcome,
      String appliedReason,
      Supplier<String> appliedWarning,
      String withoutIt) {
    if (!outcome.requested()) {
      return Optional.empty();
    }
    return Optional.of(
        outcome
            .firstProblem()
            .map(
                problem ->
                    condition(cr, type, false, problem.reason(), skipped(outcome, withoutIt)))
            .orElseGet(
                () ->
                    condition(
                        cr,
                        type,
                        true,
                        appliedReason,
                        "applied " + String.join(", ", outcome.applied()) + appliedWarning.get())));
  }

  private static String skipped(AddOnOutcome outcome, String withoutIt) {
    var addOn = outcome.skipped().getFirst().addOn().displayName();
    if (outcome.notInstalled()) {
      return addOn
          + " is not installed (no CustomResourceDefinition for "
          + String.join(", ", outcome.skipped().stream().map(AddOnCrd::kind).toList())
          + "): "
          + withoutIt
          + " until it is; the operator keeps looking for it";
    }
    return addOn
        + " cannot be used: "
        + String.join("; ", outcome.skipped().stream().map(AddOnCrd::problem).toList())
        + ". "
        + withoutIt
        + " until it can; the operator keeps checking";
  }

  /** {@code GovernanceSynced}; none for a runtime whose policies come from files. */
  private Optional<Condition> governanceCondition(AgentRuntime cr, GovernanceOutcome governance) {
    return switch (governance) {
      case GovernanceOutcome.NotConfigured none -> Optional.empty();
      case GovernanceOutcome.Synced synced ->
          Optional.of(
              condition(
                  cr,
                  GOVERNANCE_SYNCED,
                  true,
                  AgentRuntimeConditions.REASON_POLICY_SET_READ,
                  "policy set version " + synced.version()));
      case GovernanceOutcome.Failed failed ->
          Optional.of(condition(cr, GOVERNANCE_SYNCED, false, failed.reason(), failed.message()));
    };
  }

  /** {@code AsyncReady}; none without {@code spec.async}. */
  private Optional<Condition> asyncCondition(AgentRuntime cr, AsyncOutcome async) {
    return switch (async) {
      case AsyncOutcome.NotRequested none -> Optional.empty();
      case AsyncOutcome.QueueFailed failed ->
          Optional.of(
              condition(
                  cr, ASYNC_READY, false, AsyncOutcome.REASON_QUEUE_UNAVAILABLE, failed.message()));
      case AsyncOutcome.Workers workers ->
          Optional.of(
              condition(cr, ASYNC_READY, workers.isReady(), workers.reason(), workers.message()));
    };
  }

  private Condition readyCondition(AgentRuntime cr, AgentRuntimePhase phase, String pods) {
    return switch (phase) {
      case READY -> condition(cr, READY, true, AgentRuntimeConditions.REASON_READY, pods);
      case DEGRADED ->
          condition(
              cr,
              READY,
              false,
              AgentRuntimeConditions.REASON_DEGRADED,
              "every runtime pod that had been ready was lost; " + pods);
      default ->
          condition(
              cr,
              READY,
              false,
              AgentRuntimeConditions.REASON_PROGRESSING,
              "waiting for the first runtime pod; " + pods);
    };
  }

  private static AgentRuntimeStatus copyObserved(AgentRuntime cr, AgentRuntimeStatus previous) {
    var status = new AgentRuntimeStatus();
    status.setObservedGeneration(cr.getMetadata().getGeneration());
    status.setReplicas(previous.getReplicas());
    status.setReadyReplicas(previous.getReadyReplicas());
    status.setEndpoint(previous.getEndpoint());
    status.setPolicySetVersion(previous.getPolicySetVersion());
    status.setAsync(previous.getAsync());
    return status;
  }

  private Condition condition(
      AgentRuntime cr, String type, boolean holds, String reason, String message) {
    return conditions(cr).of(type, holds, reason, message);
  }

  private ConditionSet conditions(AgentRuntime cr) {
    return new ConditionSet(
        clock,
        cr.getMetadata().getGeneration(),
        Optional.ofNullable(cr.getStatus()).map(AgentRuntimeStatus::getConditions).orElse(null));
  }

  private static Optional<Condition> previousCondition(AgentRuntime cr, String type) {
    return Optional.ofNullable(cr.getStatus())
        .map(AgentRuntimeStatus::getConditions)
        .flatMap(
            conditions -> conditions.stream().filter(c -> type.equals(c.getType())).findFirst());
  }
}
