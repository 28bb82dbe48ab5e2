package io.agentruntime.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.AsyncStatus;
import io.agentruntime.operator.dependent.EventRecorder;
import io.agentruntime.operator.render.AsyncDefaults;
import io.agentruntime.operator.render.EffectiveSpec;
import io.agentruntime.operator.status.AgentRuntimeConditions;
import io.agentruntime.operator.status.AsyncOutcome;
import io.agentruntime.operator.store.DispatchQueueException;
import io.agentruntime.operator.store.DispatchQueues;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The queue and workers of {@code spec.async}: creates the queue first where the spec asks ({@code
 * create: true}), noting its URL where the renderers read it, so the workers and the runtime's
 * configuration follow in the same reconciliation; then reports the workers.
 */
final class AsyncObservations {

  /** How soon a runtime whose queue could not be created is reconciled again. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DispatchQueues queues;
  private final Clock clock;

  AsyncObservations(DispatchQueues queues, Clock clock) {
    this.queues = queues;
    this.clock = clock;
  }

  /**
   * What {@link #provision} did.
   *
   * @param created the queue created or found, its URLs as the status records them
   * @param failure why it could not be created or updated
   */
  record Provisioned(Optional<AsyncStatus> created, Optional<AsyncOutcome.QueueFailed> failure) {}

  /**
   * Creates or updates {@code cr}'s queue where the spec asks, and notes its URLs in the status
   * {@code cr} carries during this reconciliation, for the renderers: the caller puts the status as
   * written back before comparing it with the new one. A failure is posted as a Warning Event once;
   * the queue recorded before, if any, stays in use.
   */
  Provisioned provision(KubernetesClient client, AgentRuntime cr, EffectiveSpec spec) {
    if (!AsyncDefaults.createsQueue(cr)) {
      return new Provisioned(Optional.empty(), Optional.empty());
    }
    var queue = cr.getSpec().getAsync().getQueue();
    var request =
        new DispatchQueues.Request(
            queue.getName(),
            AsyncDefaults.region(cr),
            AsyncDefaults.maxReceiveCount(spec),
            spec.asyncSettings().visibilityTimeout());
    try {
      var created = queues.ensure(request);
      var noted = new AsyncStatus();
      noted.setQueueUrl(created.url());
      noted.setDeadLetterQueueUrl(created.deadLetterUrl());
      var status =
          cr.getStatus() == null
              ? new AgentRuntimeStatus()
              : JSON.convertValue(cr.getStatus(), AgentRuntimeStatus.class);
      status.setAsync(noted);
      cr.setStatus(status);
      return new Provisioned(Optional.of(noted), Optional.empty());
    } catch (DispatchQueueException e) {
      var failed =
          new AsyncOutcome.QueueFailed(
              "spec.async.queue.name: " + e.getMessage(),
              Optional.ofNullable(cr.getStatus()).map(AgentRuntimeStatus::getAsync));
      if (!alreadyReported(cr, failed.message())) {
        EventRecorder.record(
            client,
            cr,
            EventRecorder.WARNING,
            AsyncOutcome.REASON_QUEUE_UNAVAILABLE,
            failed.message(),
            clock.instant());
      }
      return new Provisioned(Optional.empty(), Optional.of(failed));
    }
  }

  /**
   * What {@code cr}'s async section came to.
   *
   * @param spec its spec, defaults applied
   * @param provisioned what {@link #provision} did
   * @param workers the workers' Deployment as last observed
   * @param kedaScales whether KEDA's ScaledObject scales the workers
   */
  static AsyncOutcome observe(
      AgentRuntime cr,
      EffectiveSpec spec,
      Provisioned provisioned,
      Optional<Deployment> workers,
      boolean kedaScales) {
    if (spec.async().isEmpty()) {
      return AsyncOutcome.NOT_REQUESTED;
    }
    if (provisioned.failure().isPresent()) {
      return provisioned.failure().get();
    }
    var status = workers.map(Deployment::getStatus);
    return new AsyncOutcome.Workers(
        AsyncDefaults.queueUrl(cr).orElseThrow(),
        status.map(s -> Objects.requireNonNullElse(s.getReplicas(), 0)).orElse(0),
        status.map(s -> Objects.requireNonNullElse(s.getReadyReplicas(), 0)).orElse(0),
        spec.asyncSettings().minWorkers(kedaScales) == 0,
        provisioned.created());
  }

  private static boolean alreadyReported(AgentRuntime cr, String message) {
    return Optional.ofNullable(cr.getStatus())
        .map(AgentRuntimeStatus::getConditions)
        .flatMap(
            conditions ->
                conditions.stream()
                    .filter(c -> AgentRuntimeConditions.ASYNC_READY.equals(c.getType()))
                    .findFirst())
        .filter(condition -> message.equals(condition.getMessage()))
        .isPresent();
  }
}
