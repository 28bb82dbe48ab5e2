package io.agentruntime.runtime;

import io.agentruntime.contract.config.IdempotencyConfig;
import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.budget.BudgetStore;
import io.agentruntime.runtime.budget.DynamoDbBudgetStore;
import io.agentruntime.runtime.budget.InMemoryBudgetStore;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.agentruntime.runtime.http.HttpReply;
import io.agentruntime.runtime.http.HttpReplyCodec;
import io.agentruntime.runtime.idempotency.DynamoDbIdempotencyStore;
import io.agentruntime.runtime.idempotency.IdempotencyStore;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.agentruntime.runtime.ratelimit.DynamoDbRateLimitStore;
import io.agentruntime.runtime.ratelimit.InMemoryRateLimitStore;
import io.agentruntime.runtime.ratelimit.RateLimitStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;

/**
 * The state pods share on the request path: rate limit and budget buckets and {@code
 * Idempotency-Key} claims. With {@code governance.store.dynamodb} the buckets live in that table
 * (shared by every pod), and so do the claims when {@code idempotency.store} is {@code dynamodb};
 * otherwise each pod keeps its own in memory.
 *
 * @param buckets the rate limit buckets
 * @param budgets the budget buckets
 * @param idempotency the claims shared across pods
 * @param table the table behind them, if any: closed with them
 */
record CoordinationStores(
    RateLimitStore buckets,
    BudgetStore budgets,
    IdempotencyStore<HttpReply> idempotency,
    Optional<CoordinationTable> table)
    implements AutoCloseable {

  static CoordinationStores open(
      RuntimeConfig config, Vertx vertx, RuntimeMetrics metrics, Clock clock) {
    if (!(config.governance().store() instanceof PolicyStoreConfig.DynamoDb dynamoDb)) {
      return new CoordinationStores(
          new InMemoryRateLimitStore(clock),
          new InMemoryBudgetStore(clock),
          IdempotencyStore.podLocal(),
          Optional.empty());
    }
    CoordinationTable table = CoordinationTable.open(dynamoDb, vertx, metrics);
    String runtime = config.runtime().resource();
    IdempotencyConfig idempotency = config.idempotency();
    IdempotencyStore<HttpReply> claims =
        idempotency.store() == IdempotencyConfig.Store.DYNAMODB
            ? new DynamoDbIdempotencyStore<>(
                table,
                runtime,
                idempotency,
                new HttpReplyCodec(),
                metrics.idempotencyReplays(IdempotencyConfig.Store.DYNAMODB.displayName()))
            : IdempotencyStore.podLocal();
    return new CoordinationStores(
        new DynamoDbRateLimitStore(table, runtime),
        new DynamoDbBudgetStore(table, runtime),
        claims,
        Optional.of(table));
  }

  @Override
  public void close() {
    buckets.close();
    budgets.close();
    idempotency.close();
    table.ifPresent(CoordinationTable::close);
  }
}
