package io.agentruntime.runtime.ratelimit;

import io.agentruntime.governance.RateLimit;
import io.vertx.core.Future;

/** Keeps the token buckets of policy rate limits: in this pod's memory, or in a shared table. */
public interface RateLimitStore extends AutoCloseable {

  /**
   * Takes one token from {@code key}'s bucket if it holds one. Never blocks the calling thread.
   *
   * @return the acquisition; failed with {@link RateLimitStoreException} when the bucket could not
   *     be read or written
   */
  Future<Acquisition> acquire(BucketKey key, RateLimit limit);

  @Override
  default void close() {}
}
