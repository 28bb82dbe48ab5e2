package io.agentruntime.runtime.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The attributes of a bucket item ({@link DynamoDbBudgetStore}) a failed reservation looks at.
 *
 * @param windowStart start of the item's window, epoch ms
 * @param cap the cap the window was written with
 * @param remaining what the window has left
 * @param holds its live and expired reservations
 */
record BucketItem(long windowStart, long cap, long remaining, List<BudgetHold> holds) {

  static BucketItem of(Map<String, AttributeValue> item) {
    if (item == null || item.isEmpty()) {
      return null;
    }
    List<BudgetHold> holds = new ArrayList<>();
    item.forEach(
        (name, value) -> {
          if (name.startsWith(DynamoDbBudgetStore.HOLD_PREFIX) && value.hasM()) {
            holds.add(
                new BudgetHold(
                    name.substring(DynamoDbBudgetStore.HOLD_PREFIX.length()),
                    Long.parseLong(value.m().get(DynamoDbBudgetStore.AMOUNT).n()),
                    Long.parseLong(value.m().get(DynamoDbBudgetStore.EXPIRES_AT).n())));
          }
        });
    return new BucketItem(
        Long.parseLong(item.get(DynamoDbBudgetStore.WINDOW_START).n()),
        Long.parseLong(item.get(DynamoDbBudgetStore.CAP).n()),
        Long.parseLong(item.get(DynamoDbBudgetStore.REMAINING).n()),
        holds);
  }
}
