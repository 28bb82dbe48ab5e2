package io.agentruntime.runtime.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.agentruntime.governance.RateLimit;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * Buckets in this pod's memory (the file policy store, local mode): each pod counts on its own, so
 * N pods let up to N times the limit through. Atomic per bucket, CPU only, safe on an event loop.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {

  // A bucket left alone for its whole period is full again, exactly like a bucket never used: it
  // can be forgotten then, which bounds the memory to the callers active within their periods.
  private record Entry(TokenBucket bucket, Duration per) {}

  private final Clock clock;
  private final Cache<BucketKey, Entry> buckets =
      Caffeine.newBuilder()
          .expireAfter(Expiry.<BucketKey, Entry>writing((key, entry) -> entry.per()))
          .build();

  public InMemoryRateLimitStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Acquisition> acquire(BucketKey key, RateLimit limit) {
    long now = clock.millis();
    Acquisition[] result = new Acquisition[1];
    buckets
        .asMap()
        .compute(
            key,
            (ignored, current) -> {
              TokenBucket bucket =
                  current == null
                      ? TokenBucket.full(limit, now)
                      : current.bucket().refilled(limit, now);
              if (!bucket.hasToken()) {
                result[0] = Acquisition.limited(bucket.secondsUntilToken(limit));
                return new Entry(bucket, limit.per());
              }
              result[0] = Acquisition.GRANTED;
              return new Entry(bucket.taken(), limit.per());
            });
    return Future.succeededFuture(result[0]);
  }
}
