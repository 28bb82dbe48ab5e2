package io.agentruntime.operator.status;

import io.agentruntime.operator.api.v1alpha1.AsyncStatus;
import java.util.Optional;

/**
 * What was observed of {@code spec.async} in one reconciliation: the queue and the workers, and the
 * {@code AsyncReady} condition they make.
 */
public sealed interface AsyncOutcome {

  /** A spec without {@code async}. */
  AsyncOutcome NOT_REQUESTED = new NotRequested();

  /** Reason of AsyncReady=True with a worker ready. */
  String REASON_WORKERS_READY = "WorkersReady";

  /** Reason of AsyncReady=True with no worker while the queue is empty (KEDA, min 0). */
  String REASON_SCALED_TO_ZERO = "ScaledToZero";

  /** Reason of AsyncReady=False while the workers start. */
  String REASON_WORKERS_STARTING = "WorkersStarting";

  /** Reason of AsyncReady=False: the queue could not be created or updated. */
  String REASON_QUEUE_UNAVAILABLE = "QueueUnavailable";

  /**
   * The queue the operator created, as the status records it ({@code status.async}); empty for a
   * queue the spec gives by URL.
   */
  Optional<AsyncStatus> createdQueue();

  /** No {@code spec.async}: no condition. */
  record NotRequested() implements AsyncOutcome {
    @Override
    public Optional<AsyncStatus> createdQueue() {
      return Optional.empty();
    }
  }

  /**
   * The operator could not create or update the queue; {@code message} names the field.
   *
   * @param createdQueue the queue created before, still in use
   */
  record QueueFailed(String message, Optional<AsyncStatus> createdQueue) implements AsyncOutcome {}

  /**
   * The queue is known and the workers are applied.
   *
   * @param queueUrl the queue's URL
   * @param workers worker pods the Deployment runs
   * @param ready worker pods ready
   * @param scalesToZero whether no worker runs while the queue is empty (KEDA, {@code min: 0})
   * @param createdQueue the queue the operator created, if it did
   */
  record Workers(
      String queueUrl,
      int workers,
      int ready,
      boolean scalesToZero,
      Optional<AsyncStatus> createdQueue)
      implements AsyncOutcome {

    /** Whether dispatches queued now will run: a worker is ready, or KEDA starts one. */
    public boolean isReady() {
      return ready > 0 || (workers == 0 && scalesToZero);
    }

    /** The condition's reason. */
    public String reason() {
      if (ready > 0) {
        return REASON_WORKERS_READY;
      }
      return isReady() ? REASON_SCALED_TO_ZERO : REASON_WORKERS_STARTING;
    }

    /** The condition's message: ready of running, and the queue. */
    public String message() {
      String counts = ready + " of " + workers + " workers ready";
      if (workers == 0 && scalesToZero) {
        counts += "; no worker runs while the queue is empty, KEDA starts one for the next message";
      }
      return counts + "; queue " + queueUrl;
    }
  }
}
