package io.agentruntime.runtime.idempotency;

import io.agentruntime.contract.config.IdempotencyConfig;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} claims in the governance table, so that a key repeated to any pod is
 * dispatched once ({@code idempotency.store: dynamodb}).
 *
 * <p>The first request claims the key with a conditional put ({@code pending}), runs, then stores
 * its answer ({@code done}); an answer saying nothing was executed deletes the claim instead, so a
 * retry can run. A repeat that loses the claim reads it: another body is a 422, {@code done}
 * replays the stored answer, {@code pending} is polled with backoff for the intent's timeout plus
 * {@link #MARGIN}, then answered 409. A request is never dispatched twice while its claim lives.
 *
 * @param <T> the answer
 */
public final class DynamoDbIdempotencyStore<T> implements IdempotencyStore<T> {

  static final Duration MARGIN = Duration.ofSeconds(2);
  private static final long FIRST_POLL_MILLIS = 25;
  private static final long MAX_POLL_MILLIS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbIdempotencyStore.class);

  private record Attempt<T>(IdempotentRequest request, Supplier<Future<T>> action, long deadline) {}

  private final CoordinationTable table;
  private final IdempotencyClaims claims;
  private final Duration window;
  private final long maxReplySize;
  private final ReplyCodec<T> codec;
  private final Counter replays;
  private final String owner = UUID.randomUUID().toString();

  /**
   * @param runtime the runtime whose claims these are, {@code <namespace>/<name>}
   * @param config how long a claim lives ({@code idempotency.window}) and the largest answer it
   *     keeps ({@code idempotency.maxReplySize}, at most 350 KiB: an item holds 400 KB)
   * @param replays counts the answers replayed from the table
   */
  public DynamoDbIdempotencyStore(
      CoordinationTable table,
      String runtime,
      IdempotencyConfig config,
      ReplyCodec<T> codec,
      Counter replays) {
    this.table = table;
    this.claims = new IdempotencyClaims(table, runtime);
    this.window = config.window();
    this.maxReplySize = Math.min(config.maxReplySize(), IdempotencyConfig.MAX_TABLE_REPLY_SIZE);
    this.codec = codec;
    this.replays = replays;
  }

  @Override
  public Future<Replayable<T>> execute(IdempotentRequest request, Supplier<Future<T>> action) {
    long deadline = table.clock().millis() + request.patience().plus(MARGIN).toMillis();
    return claim(new Attempt<>(request, action, deadline));
  }

  private Future<Replayable<T>> claim(Attempt<T> attempt) {
    long now = table.clock().millis();
    return table
        .call(() -> claims.claim(attempt.request(), owner, now, now + window.toMillis()))
        .recover(failure -> unavailable(attempt, failure))
        .compose(claimed -> claimed ? runFirst(attempt) : follow(attempt, 0));
  }

  private Future<Replayable<T>> follow(Attempt<T> attempt, int polls) {
    return table
        .call(() -> claims.read(attempt.request()))
        .recover(failure -> unavailable(attempt, failure))
        .compose(found -> settle(attempt, found, polls));
  }

  private Future<Replayable<T>> settle(Attempt<T> attempt, Optional<ClaimItem> found, int polls) {
    long now = table.clock().millis();
    String key = attempt.request().key();
    if (found.isEmpty() || found.get().expired(now)) {
      // Released or lapsed since the claim failed: take it, unless this has gone on too long.
      return now < attempt.deadline()
          ? claim(attempt)
          : Future.failedFuture(new IdempotencyInProgressException(key));
    }
    ClaimItem item = found.get();
    if (!item.bodyDigest().equals(attempt.request().bodyDigestHex())) {
      return Future.failedFuture(new IdempotencyKeyReusedException(key));
    }
    if (item.done()) {
      if (item.reply().isEmpty()) {
        return Future.failedFuture(new IdempotencyReplyTooLargeException(key));
      }
      replays.increment();
      return Future.succeededFuture(new Replayable<>(codec.decode(item.reply().get()), true));
    }
    if (now >= attempt.deadline()) {
      return Future.failedFuture(new IdempotencyInProgressException(key));
    }
    long delay = Math.min(MAX_POLL_MILLIS, FIRST_POLL_MILLIS << Math.min(polls, 8));
    return table.after(delay).compose(elapsed -> follow(attempt, polls + 1));
  }

  private Future<Replayable<T>> runFirst(Attempt<T> attempt) {
    return IdempotencyCache.started(attempt.action())
        .transform(
            result ->
                record(attempt.request(), result)
                    .compose(
                        recorded ->
                            result.succeeded()
                                ? Future.succeededFuture(new Replayable<>(result.result(), false))
                                : Future.failedFuture(result.cause())));
  }

  /**
   * Stores the first answer, or releases the claim. A failure here is logged, not answered: the
   * request ran, and the claim stays {@code pending} until it lapses, so it still runs only once.
   */
  private Future<Void> record(IdempotentRequest request, AsyncResult<T> result) {
    Callable<Boolean> write;
    if (result.failed() || !codec.replayable(result.result())) {
      write = () -> claims.release(request, owner);
    } else {
      Optional<StoredReply> kept =
          codec.size(result.result()) <= maxReplySize
              ? Optional.of(codec.encode(result.result()))
              : Optional.empty();
      write = () -> claims.complete(request, owner, kept);
    }
    return table
        .call(write)
        .transform(
            written -> {
              if (written.failed()) {
                LOG.warn(
                    "answer to Idempotency-Key '{}' not recorded in {}: {}",
                    IdempotencyKeyReusedException.abbreviate(request.key()),
                    table.describe(),
                    written.cause().getMessage());
              } else if (!written.result()) {
                LOG.warn(
                    "claim of Idempotency-Key '{}' lapsed before the answer was recorded;"
                        + " raise idempotency.window above the longest intent timeout",
                    IdempotencyKeyReusedException.abbreviate(request.key()));
              }
              return Future.succeededFuture();
            });
  }

  private <U> Future<U> unavailable(Attempt<T> attempt, Throwable failure) {
    return Future.failedFuture(
        new IdempotencyStoreUnavailableException(attempt.request().key(), failure));
  }
}
