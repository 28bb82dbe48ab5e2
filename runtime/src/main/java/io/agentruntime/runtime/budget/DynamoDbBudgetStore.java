package io.agentruntime.runtime.budget;

import io.agentruntime.governance.Budget;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Budget buckets in the governance table, shared by every pod of the runtime: item {@code
 * BUDGET#<namespace>/<name>#<policy id>#<tokens|cost>#<subject>} / {@code #} with {@code
 * windowStart} (epoch ms), {@code cap}, {@code remaining} (cap minus spent minus held), {@code
 * spent}, and one attribute {@code hold:<request id>} = {@code {amount, expiresAt}} per live
 * reservation.
 *
 * <p>A reservation is one {@code UpdateItem} that subtracts the amount from {@code remaining} and
 * adds the hold, on the condition that the window and cap are the expected ones and {@code
 * remaining} covers the amount. DynamoDB evaluates the condition and the update atomically, so
 * concurrent pods can never hold more than the cap together: no read-modify-write, no transaction,
 * no lost race to retry. Only when the condition fails is the item read, to tell a full budget from
 * a new window, a changed cap or holds that expired (a dead pod's), which are put right with
 * conditional writes before one more attempt.
 *
 * <p>Settling removes the hold and moves its amount to {@code spent}, the unused part back to
 * {@code remaining}, in one {@code UpdateItem} conditional on the hold being there; a hold already
 * gone (expired and returned, or its window reset) is charged to the current window instead.
 */
public final class DynamoDbBudgetStore implements BudgetStore {

  static final int MAX_ATTEMPTS = 8;
  private static final String SK = "#";
  static final String WINDOW_START = "windowStart";
  static final String CAP = "cap";
  static final String REMAINING = "remaining";
  private static final String SPENT = "spent";
  static final String HOLD_PREFIX = "hold:";
  static final String AMOUNT = "amount";
  static final String EXPIRES_AT = "expiresAt";

  private final CoordinationTable table;
  private final String partitionPrefix;

  /**
   * @param runtime the runtime whose buckets these are, {@code <namespace>/<name>}
   */
  public DynamoDbBudgetStore(CoordinationTable table, String runtime) {
    this.table = table;
    this.partitionPrefix = "BUDGET#" + runtime + "#";
  }

  @Override
  public Future<BudgetAnswer> reserve(BudgetKey key, Budget budget, BudgetHold hold) {
    // One call per bucket at a time in this pod, as for rate limits: pods then contend with each
    // other, not with their own requests, and a hot bucket does not flood the table.
    return table.callInTurn(key, () -> reserveBlocking(itemKey(key), budget, hold));
  }

  @Override
  public Future<Long> settle(BudgetKey key, Budget budget, BudgetHold hold, long used) {
    return table.callInTurn(key, () -> settleBlocking(itemKey(key), hold, used));
  }

  private BudgetAnswer reserveBlocking(
      Map<String, AttributeValue> itemKey, Budget budget, BudgetHold hold) {
    long windowStart = 0;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long now = table.clock().millis();
      // Another pod's clock may be ahead and have opened the next window: never move back.
      windowStart =
          Math.max(windowStart, budget.window().start(Instant.ofEpochMilli(now)).toEpochMilli());
      Long remaining = tryHold(itemKey, budget, hold, windowStart);
      if (remaining != null) {
        return BudgetAnswer.granted(remaining);
      }
      BucketItem item = BucketItem.of(read(itemKey));
      if (item == null || item.windowStart() < windowStart) {
        openWindow(itemKey, budget, windowStart);
      } else if (item.windowStart() > windowStart) {
        windowStart = item.windowStart();
      } else if (item.cap() != budget.cap()) {
        changeCap(itemKey, item, budget.cap());
      } else if (!returnExpiredHolds(itemKey, item, now)) {
        long windowEnd = budget.window().end(Instant.ofEpochMilli(windowStart)).toEpochMilli();
        return BudgetAnswer.exhausted(item.remaining(), windowEnd, now);
      }
    }
    throw new BudgetStoreException(
        "budget bucket "
            + itemKey.get("pk").s()
            + " in "
            + table.describe()
            + ": no answer after "
            + MAX_ATTEMPTS
            + " attempts",
        null);
  }

  /** The hold's conditional write: the window's remaining amount afterwards, or null if refused. */
  private Long tryHold(
      Map<String, AttributeValue> itemKey, Budget budget, BudgetHold hold, long windowStart) {
    UpdateItemRequest request =
        UpdateItemRequest.builder()
            .tableName(table.table())
            .key(itemKey)
            .updateExpression("SET #remaining = #remaining - :amount, #hold = :hold")
            .conditionExpression("#window = :window AND #cap = :cap AND #remaining >= :amount")
            .expressionAttributeNames(
                Map.of(
                    "#remaining", REMAINING,
                    "#hold", HOLD_PREFIX + hold.id(),
                    "#window", WINDOW_START,
                    "#cap", CAP))
            .expressionAttributeValues(
                Map.of(
                    ":amount", number(hold.amount()),
                    ":hold", holdValue(hold),
                    ":window", number(windowStart),
                    ":cap", number(budget.cap())))
            .returnValues(ReturnValue.UPDATED_NEW)
            .build();
    try {
      Map<String, AttributeValue> updated = table.client().updateItem(request).attributes();
      table.count("budget_reserve", null);
      return Long.parseLong(updated.get(REMAINING).n());
    } catch (ConditionalCheckFailedException e) {
      table.count("budget_reserve", e);
      return null;
    } catch (SdkException e) {
      table.count("budget_reserve", e);
      throw failure("reserve in", e);
    }
  }

  private long settleBlocking(Map<String, AttributeValue> itemKey, BudgetHold hold, long used) {
    Map<String, String> names =
        Map.of("#remaining", REMAINING, "#spent", SPENT, "#hold", HOLD_PREFIX + hold.id());
    UpdateItemRequest settle =
        UpdateItemRequest.builder()
            .tableName(table.table())
            .key(itemKey)
            .updateExpression(
                "REMOVE #hold SET #remaining = #remaining + :unused, #spent = #spent + :used")
            .conditionExpression("attribute_exists(#hold)")
            .expressionAttributeNames(names)
            .expressionAttributeValues(
                Map.of(":unused", number(hold.amount() - used), ":used", number(used)))
            .returnValues(ReturnValue.UPDATED_NEW)
            .build();
    Map<String, AttributeValue> updated = update(settle, "budget_settle");
    if (updated == null) {
      UpdateItemRequest charge =
          UpdateItemRequest.builder()
              .tableName(table.table())
              .key(itemKey)
              .updateExpression("SET #remaining = #remaining - :used, #spent = #spent + :used")
              .conditionExpression("attribute_exists(pk)")
              .expressionAttributeNames(Map.of("#remaining", REMAINING, "#spent", SPENT))
              .expressionAttributeValues(Map.of(":used", number(used)))
              .returnValues(ReturnValue.UPDATED_NEW)
              .build();
      updated = update(charge, "budget_charge");
    }
    return updated == null ? 0 : Math.max(0, Long.parseLong(updated.get(REMAINING).n()));
  }

  /** A fresh window: the whole cap remains, nothing is held; only over an older window. */
  private void openWindow(Map<String, AttributeValue> itemKey, Budget budget, long windowStart) {
    Map<String, AttributeValue> item = new HashMap<>(itemKey);
    item.put(WINDOW_START, number(windowStart));
    item.put(CAP, number(budget.cap()));
    item.put(REMAINING, number(budget.cap()));
    item.put(SPENT, number(0));
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(table.table())
            .item(item)
            .conditionExpression("attribute_not_exists(pk) OR #window < :window")
            .expressionAttributeNames(Map.of("#window", WINDOW_START))
            .expressionAttributeValues(Map.of(":window", number(windowStart)))
            .build();
    try {
      table.client().putItem(request);
      table.count("budget_window", null);
    } catch (ConditionalCheckFailedException e) {
      table.count("budget_window", e); // another pod opened it first
    } catch (SdkException e) {
      table.count("budget_window", e);
      throw failure("open a window in", e);
    }
  }

  /** A policy's cap changed: the window keeps what was spent and held, under the new cap. */
  private void changeCap(Map<String, AttributeValue> itemKey, BucketItem item, long cap) {
    update(
        UpdateItemRequest.builder()
            .tableName(table.table())
            .key(itemKey)
            .updateExpression("SET #cap = :cap, #remaining = #remaining + :difference")
            .conditionExpression("#cap = :old AND #window = :window")
            .expressionAttributeNames(
                Map.of("#cap", CAP, "#remaining", REMAINING, "#window", WINDOW_START))
            .expressionAttributeValues(
                Map.of(
                    ":cap", number(cap),
                    ":old", number(item.cap()),
                    ":difference", number(cap - item.cap()),
                    ":window", number(item.windowStart())))
            .build(),
        "budget_cap");
  }

  /** Returns each expired hold's amount, once whoever gets there first; false if none expired. */
  private boolean returnExpiredHolds(
      Map<String, AttributeValue> itemKey, BucketItem item, long nowMillis) {
    boolean any = false;
    for (BudgetHold expired : item.holds()) {
      if (!expired.expired(nowMillis)) {
        continue;
      }
      any = true;
      update(
          UpdateItemRequest.builder()
              .tableName(table.table())
              .key(itemKey)
              .updateExpression("REMOVE #hold SET #remaining = #remaining + :amount")
              .conditionExpression("attribute_exists(#hold)")
              .expressionAttributeNames(
                  Map.of("#hold", HOLD_PREFIX + expired.id(), "#remaining", REMAINING))
              .expressionAttributeValues(Map.of(":amount", number(expired.amount())))
              .build(),
          "budget_expire");
    }
    return any;
  }

  /** A conditional update: the updated attributes, or null when its condition failed. */
  private Map<String, AttributeValue> update(UpdateItemRequest request, String operation) {
    try {
      Map<String, AttributeValue> updated = table.client().updateItem(request).attributes();
      table.count(operation, null);
      return updated;
    } catch (ConditionalCheckFailedException e) {
      table.count(operation, e);
      return null;
    } catch (SdkException e) {
      table.count(operation, e);
      throw failure("update", e);
    }
  }

  private Map<String, AttributeValue> read(Map<String, AttributeValue> itemKey) {
    GetItemRequest request =
        GetItemRequest.builder().tableName(table.table()).key(itemKey).consistentRead(true).build();
    try {
      Map<String, AttributeValue> item = table.client().getItem(request).item();
      table.count("budget_read", null);
      return item;
    } catch (SdkException e) {
      table.count("budget_read", e);
      throw failure("read", e);
    }
  }

  private Map<String, AttributeValue> itemKey(BudgetKey key) {
    return Map.of(
        "pk", AttributeValue.fromS(partitionPrefix + key.id()), "sk", AttributeValue.fromS(SK));
  }

  private BudgetStoreException failure(String what, SdkException e) {
    return new BudgetStoreException(
        "cannot " + what + " a budget bucket in " + table.describe() + ": " + e.getMessage(), e);
  }

  private static AttributeValue holdValue(BudgetHold hold) {
    return AttributeValue.fromM(
        Map.of(AMOUNT, number(hold.amount()), EXPIRES_AT, number(hold.expiresAtMillis())));
  }

  static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
