package io.agentruntime.operator.reconciler;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.PolicyDocumentRenderer;
import io.agentruntime.operator.status.GovernancePolicyConditions;
import io.agentruntime.operator.status.GovernancePolicyStatusAggregator;
import io.agentruntime.operator.store.GovernanceStore;
import io.agentruntime.operator.store.PolicySetAddress;
import io.agentruntime.operator.validation.GovernancePolicyValidator;
import io.agentruntime.operator.validation.ValidationError;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reconciles a GovernancePolicy: validates it, writes it into the policy set of its AgentRuntime's
 * DynamoDB store (only when the table holds something else, so resyncs never make runtimes reload)
 * and, through a finalizer, removes it from there on deletion.
 *
 * <p>The status records where the policy was written ({@code syncedTo}): when {@code spec.runtime}
 * or the runtime's table changes, the policy is removed from the old set after it is in the new
 * one, and deletion needs neither the AgentRuntime nor its spec. Store failures are thrown, so
 * JOSDK retries them with exponential back-off, without end: a deletion waits until the policy is
 * really gone from the table.
 */
@ControllerConfiguration(
    name = GovernancePolicyReconciler.NAME,
    fieldManager = Labels.OPERATOR_NAME)
@GradualRetry(maxAttempts = -1, maxInterval = GovernancePolicyReconciler.MAX_RETRY_INTERVAL_MILLIS)
public class GovernancePolicyReconciler
    implements Reconciler<GovernancePolicy>, Cleaner<GovernancePolicy> {

  /** The controller's name, as it appears in logs and metrics. */
  public static final String NAME = "governancepolicy";

  /** The longest pause between two attempts to reach an unavailable store: five minutes. */
  static final long MAX_RETRY_INTERVAL_MILLIS = 300_000;

  private final GovernanceStore store;
  private final GovernancePolicyValidator validator = new GovernancePolicyValidator();
  private final GovernancePolicyStatusAggregator statuses;
  private final InvalidSpecEvents events;

  /**
   * @param store the runtimes' policy sets
   * @param clock stamps status transitions and Events
   */
  public GovernancePolicyReconciler(GovernanceStore store, Clock clock) {
    this.store = store;
    this.statuses = new GovernancePolicyStatusAggregator(clock);
    this.events = new InvalidSpecEvents(clock);
  }

  @Override
  public List<EventSource<?, GovernancePolicy>> prepareEventSources(
      EventSourceContext<GovernancePolicy> context) {
    return List.of(RuntimeOfPolicy.eventSource(context));
  }

  @Override
  public UpdateControl<GovernancePolicy> reconcile(
      GovernancePolicy policy, Context<GovernancePolicy> context) throws PolicyStoreException {
    var errors = validator.validate(policy);
    GovernancePolicyStatus status;
    if (errors.isEmpty()) {
      status = sync(policy, context.getSecondaryResource(AgentRuntime.class));
    } else {
      var message = ValidationError.describe(errors);
      events.report(context.getClient(), policy, conditions(policy), message);
      status = statuses.invalid(policy, message);
    }
    writeIfChanged(policy, status, context);
    return UpdateControl.noUpdate();
  }

  /** Reports a store failure in the status; JOSDK retries with back-off. */
  @Override
  public ErrorStatusUpdateControl<GovernancePolicy> updateErrorStatus(
      GovernancePolicy policy, Context<GovernancePolicy> context, Exception e) {
    if (e instanceof PolicyStoreException) {
      var status =
          statuses.notSynced(
              policy,
              GovernancePolicyConditions.REASON_STORE_UNAVAILABLE,
              ApplyFailures.describe(e));
      writeIfChanged(policy, status, context);
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /**
   * Removes the policy from the set it was last written to; a policy never written (invalid, or its
   * runtime never found) has nothing to remove.
   */
  @Override
  public DeleteControl cleanup(GovernancePolicy policy, Context<GovernancePolicy> context)
      throws PolicyStoreException {
    var syncedTo = Optional.ofNullable(policy.getStatus()).map(GovernancePolicyStatus::getSyncedTo);
    if (syncedTo.isPresent()) {
      store.delete(PolicySetAddress.of(syncedTo.get()), policy.getMetadata().getName());
    }
    return DeleteControl.defaultDelete();
  }

  private GovernancePolicyStatus sync(GovernancePolicy policy, Optional<AgentRuntime> runtime)
      throws PolicyStoreException {
    if (runtime.isEmpty()) {
      return statuses.notSynced(
          policy,
          GovernancePolicyConditions.REASON_RUNTIME_NOT_FOUND,
          "no AgentRuntime '"
              + policy.getSpec().getRuntime()
              + "' in namespace "
              + policy.getMetadata().getNamespace());
    }
    var address = store.addressOf(runtime.get());
    if (address.isEmpty()) {
      return statuses.notSynced(
          policy,
          GovernancePolicyConditions.REASON_NO_DYNAMODB_STORE,
          "AgentRuntime '"
              + policy.getSpec().getRuntime()
              + "' reads its policies from files; configure spec.governance.store.dynamodb on"
              + " it to sync GovernancePolicies");
    }
    long version = store.put(address.get(), PolicyDocumentRenderer.render(policy));
    var location = address.get().toLocation();
    var previous = Optional.ofNullable(policy.getStatus()).map(GovernancePolicyStatus::getSyncedTo);
    if (previous.isPresent() && !previous.get().equals(location)) {
      store.delete(PolicySetAddress.of(previous.get()), policy.getMetadata().getName());
    }
    return statuses.synced(policy, location, version);
  }

  private static void writeIfChanged(
      GovernancePolicy policy, GovernancePolicyStatus status, Context<GovernancePolicy> context) {
    if (GovernancePolicyStatusAggregator.changed(policy, status)) {
      StatusPatches.write(policy, status, context, GovernancePolicy::new);
    }
  }

  private static List<Condition> conditions(GovernancePolicy policy) {
    return Optional.ofNullable(policy.getStatus())
        .map(GovernancePolicyStatus::getConditions)
        .orElse(null);
  }
}
