package io.agentruntime.runtime.idempotency;

import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Where {@code Idempotency-Key} claims are shared between pods, behind each pod's {@link
 * IdempotencyCache}.
 *
 * @param <T> the answer
 */
public interface IdempotencyStore<T> extends AutoCloseable {

  /**
   * Runs {@code action} unless another pod already ran it for the same request, in which case its
   * answer is replayed. Never blocks the calling thread.
   *
   * @return the answer; failed with {@link IdempotencyKeyReusedException} for another body, {@link
   *     IdempotencyInProgressException} when the first request outlasts the patience, {@link
   *     IdempotencyReplyTooLargeException} when its answer was not kept, {@link
   *     IdempotencyStoreUnavailableException} when the claim could not be made
   */
  Future<Replayable<T>> execute(IdempotentRequest request, Supplier<Future<T>> action);

  @Override
  default void close() {}

  /** No sharing: every pod runs its own first request (the {@code memory} store). */
  static <T> IdempotencyStore<T> podLocal() {
    return (request, action) -> action.get().map(answer -> new Replayable<>(answer, false));
  }
}
