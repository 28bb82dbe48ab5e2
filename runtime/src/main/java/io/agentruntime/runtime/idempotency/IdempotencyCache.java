package io.agentruntime.runtime.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentruntime.runtime.config.IdempotencyConfig;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the answer to each {@code Idempotency-Key} (per principal) for a window, in memory. A
 * repeat gets the first answer without running the action again; a repeat that arrives while the
 * first is still running waits for it. In front of an {@link IdempotencyStore} shared by the pods,
 * so that repeats reaching the same pod never reach the table twice.
 *
 * @param <T> the remembered answer
 */
public final class IdempotencyCache<T> {

  private record Entry<T>(byte[] bodyDigest, Future<T> answer) {}

  private final Cache<String, Entry<T>> entries;
  private final Predicate<T> worthKeeping;
  private final IdempotencyStore<T> shared;
  private final Counter replays;

  /**
   * @param worthKeeping answers that may be replayed; the others are forgotten once known (an
   *     answer saying nothing was executed should not stop a retry)
   * @param shared where the first request is claimed across pods
   * @param replays counts the answers replayed from memory
   */
  public IdempotencyCache(
      IdempotencyConfig config,
      Predicate<T> worthKeeping,
      IdempotencyStore<T> shared,
      Counter replays) {
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(config.window())
            .maximumSize(config.maxEntries())
            .build();
    this.worthKeeping = worthKeeping;
    this.shared = shared;
    this.replays = replays;
  }

  /**
   * Runs {@code action} once per ({@code principal}, {@code key}) within the window.
   *
   * @return the answer, flagged as replayed when it is the first request's; failed with {@link
   *     IdempotencyKeyReusedException} when the key was used with a different body, or with the
   *     failures of {@link IdempotencyStore#execute}
   */
  public Future<Replayable<T>> execute(IdempotentRequest request, Supplier<Future<T>> action) {
    String cacheKey = request.principal() + '\n' + request.key();
    byte[] digest = request.bodyDigest();
    Promise<T> promise = Promise.promise();
    Entry<T> mine = new Entry<>(digest, promise.future());
    Entry<T> existing = entries.asMap().putIfAbsent(cacheKey, mine);
    if (existing != null) {
      if (!Arrays.equals(existing.bodyDigest(), digest)) {
        return Future.failedFuture(new IdempotencyKeyReusedException(request.key()));
      }
      return onCallerContext(existing.answer())
          .map(
              answer -> {
                replays.increment();
                return new Replayable<>(answer, true);
              });
    }
    Future<Replayable<T>> first = started(() -> shared.execute(request, action));
    first.onComplete(
        result -> {
          if (result.failed() || !worthKeeping.test(result.result().answer())) {
            entries.asMap().remove(cacheKey, mine);
          }
          promise.handle(result.map(Replayable::answer));
        });
    return first;
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
