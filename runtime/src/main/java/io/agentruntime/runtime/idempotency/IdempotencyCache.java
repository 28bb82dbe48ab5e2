package io.agentruntime.runtime.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.agentruntime.runtime.config.IdempotencyConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Remembers the answer to each {@code Idempotency-Key} (per principal) for a window, in memory. A
 * repeat gets the first answer without running the action again; a repeat that arrives while the
 * first is still running waits for it.
 *
 * @param <T> the remembered answer
 */
public final class IdempotencyCache<T> {

  private record Entry<T>(byte[] bodyDigest, Future<T> answer) {}

  private final Cache<String, Entry<T>> entries;
  private final Predicate<T> worthKeeping;

  /**
   * @param worthKeeping answers that may be replayed; the others are forgotten once known (an
   *     answer saying nothing was executed should not stop a retry)
   */
  public IdempotencyCache(IdempotencyConfig config, Predicate<T> worthKeeping) {
    this.entries =
        Caffeine.newBuilder()
            .expireAfterWrite(config.window())
            .maximumSize(config.maxEntries())
            .build();
    this.worthKeeping = worthKeeping;
  }

  /**
   * Runs {@code action} once per ({@code principal}, {@code key}) within the window.
   *
   * @param body the request body: a repeated key must come with the same body
   * @return the answer, flagged as replayed when it is the first request's; failed with {@link
   *     IdempotencyKeyReusedException} when the key was used with a different body
   */
  public Future<Replayable<T>> execute(
      String principal, String key, byte[] body, Supplier<Future<T>> action) {
    String cacheKey = principal + '\n' + key;
    byte[] digest = sha256(body);
    Promise<T> promise = Promise.promise();
    Entry<T> mine = new Entry<>(digest, promise.future());
    Entry<T> existing = entries.asMap().putIfAbsent(cacheKey, mine);
    if (existing != null) {
      if (!Arrays.equals(existing.bodyDigest(), digest)) {
        return Future.failedFuture(new IdempotencyKeyReusedException(key));
      }
      return onCallerContext(existing.answer()).map(answer -> new Replayable<>(answer, true));
    }
    started(action)
        .onComplete(
            result -> {
              if (result.failed() || !worthKeeping.test(result.result())) {
                entries.asMap().remove(cacheKey, mine);
              }
              promise.handle(result);
            });
    return promise.future().map(answer -> new Replayable<>(answer, false));
  }

  /** The action's answer; an action that throws must still settle the waiters. */
  private static <T> Future<T> started(Supplier<Future<T>> action) {
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

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }

  /**
   * An answer and whether it is a replay.
   *
   * @param <T> the answer
   */
  public record Replayable<T>(T answer, boolean replayed) {}
}
