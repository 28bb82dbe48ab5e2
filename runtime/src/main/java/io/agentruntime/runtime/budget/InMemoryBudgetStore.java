package io.agentruntime.runtime.budget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.agentruntime.governance.Budget;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;

/**
 * Buckets in this pod's memory (the file policy store, local mode): each pod counts on its own, so
 * N pods may spend up to N times a cap. Atomic per bucket, CPU only, safe on an event loop.
 */
public final class InMemoryBudgetStore implements BudgetStore {

  private final Clock clock;

  // A bucket whose window ended is as good as a new one: forgetting it then bounds the memory to
  // the callers active in their current windows.
  private final Cache<BudgetKey, BudgetLedger> ledgers;

  public InMemoryBudgetStore(Clock clock) {
    this.clock = clock;
    this.ledgers =
        Caffeine.newBuilder()
            .expireAfter(
                Expiry.<BudgetKey, BudgetLedger>writing(
                    (key, ledger) ->
                        Duration.ofMillis(
                            Math.max(0, ledger.forgettableAtMillis() - clock.millis()))))
            .build();
  }

  @Override
  public Future<BudgetAnswer> reserve(BudgetKey key, Budget budget, BudgetHold hold) {
    long now = clock.millis();
    BudgetAnswer[] answer = new BudgetAnswer[1];
    ledgers
        .asMap()
        .compute(
            key,
            (ignored, current) -> {
              BudgetLedger ledger = current == null ? new BudgetLedger(budget, now) : current;
              answer[0] = ledger.reserve(budget, hold, now);
              return ledger;
            });
    return Future.succeededFuture(answer[0]);
  }

  @Override
  public Future<Long> settle(BudgetKey key, Budget budget, BudgetHold hold, long used) {
    long now = clock.millis();
    long[] remaining = new long[1];
    ledgers
        .asMap()
        .compute(
            key,
            (ignored, current) -> {
              BudgetLedger ledger = current == null ? new BudgetLedger(budget, now) : current;
              remaining[0] = ledger.settle(budget, hold, used, now);
              return ledger;
            });
    return Future.succeededFuture(remaining[0]);
  }
}
