package io.agentruntime.runtime.idempotency;

import io.agentruntime.contract.config.IdempotencyConfig;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Remembers the answer to each {@code Idempotency-Key} (per principal) for a window, in memory. A
 * repeat gets the first answer without running the action again; a repeat that arrives while the
 * first is still running waits for it. In front of an {@link IdempotencyStore} shared by the pods,
 * so that repeats reaching the same pod never reach the table twice.
 *
 * <p>The memory is bounded by bytes, with a quota per principal ({@link AnswerMemory}); an answer
 * over {@code idempotency.maxReplySize} is not kept, and a repeat of its key is refused with {@link
 * IdempotencyReplyTooLargeException} instead of running again.
 *
 * @param <T> the remembered answer
 */
public final class IdempotencyCache<T> {

  private final AnswerMemory<T> memory;
  private final ReplyCodec<T> codec;
  private final IdempotencyStore<T> shared;
  private final Counter replays;

  /**
   * @param codec which answers may be replayed (an answer saying nothing was executed should not
   *     stop a retry) and how large they are
   * @param shared where the first request is claimed across pods
   * @param replays counts the answers replayed from memory
   */
  public IdempotencyCache(
      IdempotencyConfig config, ReplyCodec<T> codec, IdempotencyStore<T> shared, Counter replays) {
    this.memory =
        new AnswerMemory<>(
            config.maxBytes(),
            config.maxBytesPerPrincipal(),
            config.maxReplySize(),
            config.window().toNanos(),
            System::nanoTime);
    this.codec = codec;
    this.shared = shared;
    this.replays = replays;
  }

  /**
   * Runs {@code action} once per ({@code principal}, {@code key}) within the window.
   *
   * @return the answer, flagged as replayed when it is the first request's; failed with {@link
   *     IdempotencyKeyReusedException} when the key was used with a different body, {@link
   *     IdempotencyReplyTooLargeException} when the first answer was too large to keep, or with the
   *     failures of {@link IdempotencyStore#execute}
   */
  public Future<Replayable<T>> execute(IdempotentRequest request, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    AnswerMemory.Claim<T> claim =
        memory.claim(request.principal(), request.key(), request.bodyDigest(), promise.future());
    AnswerMemory.Entry<T> entry = claim.entry();
    if (!claim.first()) {
      return replay(request, entry);
    }
    Future<Replayable<T>> first = started(() -> shared.execute(request, action));
    first.onComplete(
        result -> {
          if (result.failed() || !codec.replayable(result.result().answer())) {
            memory.forget(entry);
          } else {
            memory.keep(entry, codec.size(result.result().answer()));
          }
          promise.handle(result.map(Replayable::answer));
        });
    return first;
  }

  /** Bytes the remembered answers take in this pod. */
  public long bytes() {
    return memory.bytes();
  }

  private Future<Replayable<T>> replay(IdempotentRequest request, AnswerMemory.Entry<T> entry) {
    if (!Arrays.equals(entry.bodyDigest(), request.bodyDigest())) {
      return Future.failedFuture(new IdempotencyKeyReusedException(request.key()));
    }
    if (entry.tooLarge()) {
      return Future.failedFuture(new IdempotencyReplyTooLargeException(request.key()));
    }
    return onCallerContext(entry.answer())
        .map(
            answer -> {
              replays.increment();
              return new Replayable<>(answer, true);
            });
  }

  /** The action's answer; an action that throws must still settle the waiters. */
  static <T> Future<T> started(Supplier<Future<T>> action) {
    try {
      return action.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The first request may run on another event loop: answer the waiter on its own. */
  private static <T> Future<T> onCallerContext(Future<T> answer) {
    Context caller = Vertx.currentContext();
    if (caller == null) {
      return answer;
    }
    Promise<T> local = Promise.promise();
    answer.onComplete(result -> caller.runOnContext(ignored -> local.handle(result)));
    return local.future();
  }

  /**
   * An answer and whether it is a replay.
   *
   * @param <T> the answer
   */
  public record Replayable<T>(T answer, boolean replayed) {}
}
