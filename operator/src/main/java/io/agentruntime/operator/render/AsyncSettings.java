package io.agentruntime.operator.render;

import io.agentruntime.governance.Durations;
import io.agentruntime.operator.api.v1alpha1.AsyncSpec;
import io.agentruntime.operator.api.v1alpha1.AsyncWorkersSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code spec.async} with its defaults applied ({@link AsyncDefaults} holds the values), part of
 * the {@link EffectiveSpec}. What depends on the status as well (the URL of a queue the operator
 * created, the region such a URL names) is read through {@link AsyncDefaults}.
 *
 * @param minWorkers fewest workers as the spec asks (see {@link #minWorkers(boolean)})
 * @param maxWorkers most workers
 * @param messagesPerWorker dispatches one worker runs at once, and KEDA's target queue length per
 *     worker
 * @param visibilityTimeout how long a received dispatch stays hidden from other workers
 * @param resources the worker container's requests and limits, defaulted as the runtime's are
 */
public record AsyncSettings(
    int minWorkers,
    int maxWorkers,
    int messagesPerWorker,
    Duration visibilityTimeout,
    ResourceRequirements resources) {

  static AsyncSettings of(AsyncSpec async) {
    String visibility =
        Optional.ofNullable(async.getQueue().getVisibilityTimeout())
            .orElse(AsyncDefaults.VISIBILITY_TIMEOUT);
    return new AsyncSettings(
        workers(async, AsyncWorkersSpec::getMin).orElse(AsyncDefaults.MIN_WORKERS),
        workers(async, AsyncWorkersSpec::getMax).orElse(AsyncDefaults.MAX_WORKERS),
        workers(async, AsyncWorkersSpec::getMessagesPerWorker)
            .orElse(AsyncDefaults.MESSAGES_PER_WORKER),
        Durations.parse(visibility)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "spec.async.queue.visibilityTimeout: '"
                            + visibility
                            + "' is not a duration")),
        EffectiveSpec.containerResources(async.getResources()));
  }

  /** Fewest workers; at least one where no KEDA scales them up from zero. */
  public int minWorkers(boolean scaledByKeda) {
    return scaledByKeda ? minWorkers : Math.max(1, minWorkers);
  }

  private static <T> Optional<T> workers(AsyncSpec async, Function<AsyncWorkersSpec, T> getter) {
    return Optional.ofNullable(async.getWorkers()).map(getter);
  }
}
