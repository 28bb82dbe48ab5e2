package io.agentruntime.runtime.ratelimit;

import io.agentruntime.governance.RateLimit;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Buckets in the governance table, shared by every pod of the runtime: item {@code
 * RATE#<namespace>/<name>#<policy id>#<subject>} / {@code #} with {@code tokens}, {@code
 * refilledAt} (epoch ms) and {@code version}.
 *
 * <p>One acquisition is a consistent {@code GetItem}, the refill computed here, and, when a token
 * is left, a {@code PutItem} conditional on the version read (optimistic concurrency: no
 * transactions, no TTL). A lost race re-reads after a short jittered pause, at most {@value
 * #MAX_ATTEMPTS} times. So a granted request costs two calls, a limited one a single read.
 *
 * <p>Within a pod, acquisitions of one bucket run one after the other: a single hot bucket then
 * serves about {@code 1 / (2 × table latency)} requests per second per pod.
 */
public final class DynamoDbRateLimitStore implements RateLimitStore {

  static final int MAX_ATTEMPTS = 20;
  private static final long BACKOFF_BASE_MILLIS = 2;
  private static final long BACKOFF_MAX_MILLIS = 50;
  private static final String SK = "#";
  private static final String TOKENS = "tokens";
  private static final String REFILLED_AT = "refilledAt";
  private static final String VERSION = "version";

  private final CoordinationTable table;
  private final String partitionPrefix;
  private final Clock clock;

  /**
   * @param runtime the runtime whose buckets these are, {@code <namespace>/<name>}
   */
  public DynamoDbRateLimitStore(CoordinationTable table, String runtime) {
    this.table = table;
    this.partitionPrefix = "RATE#" + runtime + "#";
    this.clock = table.clock();
  }

  @Override
  public Future<Acquisition> acquire(BucketKey key, RateLimit limit) {
    // One acquisition per bucket at a time in this pod: pods then race each other, not their own
    // requests, so a hot bucket costs a few retries instead of one per waiting request.
    return table.callInTurn(key, () -> acquireBlocking(key, limit));
  }

  private Acquisition acquireBlocking(BucketKey key, RateLimit limit) throws InterruptedException {
    Map<String, AttributeValue> itemKey =
        Map.of(
            "pk", AttributeValue.fromS(partitionPrefix + key.id()), "sk", AttributeValue.fromS(SK));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Map<String, AttributeValue> item = read(itemKey);
      long now = clock.millis();
      long version = item.isEmpty() ? 0 : Long.parseLong(item.get(VERSION).n());
      TokenBucket bucket =
          item.isEmpty()
              ? TokenBucket.full(limit, now)
              : new TokenBucket(
                      Double.parseDouble(item.get(TOKENS).n()),
                      Long.parseLong(item.get(REFILLED_AT).n()))
                  .refilled(limit, now);
      if (!bucket.hasToken()) {
        return Acquisition.limited(bucket.secondsUntilToken(limit));
      }
      if (write(itemKey, bucket.taken(), version)) {
        return Acquisition.GRANTED;
      }
      Thread.sleep(backoffMillis(attempt));
    }
    throw new RateLimitStoreException(
        "bucket "
            + key.id()
            + " in "
            + table.describe()
            + ": every one of "
            + MAX_ATTEMPTS
            + " conditional writes lost to another writer",
        null);
  }

  private Map<String, AttributeValue> read(Map<String, AttributeValue> itemKey) {
    GetItemRequest request =
        GetItemRequest.builder().tableName(table.table()).key(itemKey).consistentRead(true).build();
    try {
      Map<String, AttributeValue> item = table.client().getItem(request).item();
      table.count("rate_read", null);
      return item;
    } catch (SdkException e) {
      table.count("rate_read", e);
      throw failure("read", e);
    }
  }

  /** Writes the bucket unless another writer moved it since {@code version}; false if one did. */
  private boolean write(Map<String, AttributeValue> itemKey, TokenBucket bucket, long version) {
    Map<String, AttributeValue> item = new HashMap<>(itemKey);
    item.put(TOKENS, AttributeValue.fromN(BigDecimal.valueOf(bucket.tokens()).toPlainString()));
    item.put(REFILLED_AT, AttributeValue.fromN(Long.toString(bucket.refilledAtMillis())));
    item.put(VERSION, AttributeValue.fromN(Long.toString(version + 1)));
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(table.table())
            .item(item)
            .conditionExpression("attribute_not_exists(pk) OR #version = :expected")
            .expressionAttributeNames(Map.of("#version", VERSION))
            .expressionAttributeValues(
                Map.of(":expected", AttributeValue.fromN(Long.toString(version))))
            .build();
    try {
      table.client().putItem(request);
      table.count("rate_write", null);
      return true;
    } catch (ConditionalCheckFailedException e) {
      table.count("rate_write", e);
      return false;
    } catch (SdkException e) {
      table.count("rate_write", e);
      throw failure("write", e);
    }
  }

  private RateLimitStoreException failure(String what, SdkException e) {
    return new RateLimitStoreException(
        "cannot " + what + " a rate limit bucket in " + table.describe() + ": " + e.getMessage(),
        e);
  }

  /** Full jitter: contending pods spread out instead of colliding again in step. */
  private static long backoffMillis(int attempt) {
    long ceiling = Math.min(BACKOFF_MAX_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt, 10));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }
}
