package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.store.PolicyStoreException;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Moves a set's head version up by exactly one with optimistic concurrency: read the head, then
 * write {@code version + 1} on condition that the version is still the one read (or that the head
 * does not exist yet). A writer that loses the race reads again after a short jittered pause.
 */
final class HeadVersionBump {
  private static final int MAX_ATTEMPTS = 100;
  private static final long MAX_PAUSE_MILLIS = 50;

  private final DynamoDbClient client;
  private final String table;
  private final PolicySetKey set;

  HeadVersionBump(DynamoDbClient client, String table, PolicySetKey set) {
    this.client = client;
    this.table = table;
    this.set = set;
  }

  /** Returns the head's new version. */
  long bump() throws PolicyStoreException {
    try {
      for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        long current = read();
        try {
          client.updateItem(conditionalUpdate(current));
          return current + 1;
        } catch (ConditionalCheckFailedException e) {
          pause(attempt);
        }
      }
    } catch (SdkException e) {
      throw failure(e.getMessage(), e);
    }
    throw failure("another writer won the race " + MAX_ATTEMPTS + " times in a row", null);
  }

  private long read() throws PolicyStoreException {
    Map<String, AttributeValue> head =
        client
            .getItem(
                GetItemRequest.builder()
                    .tableName(table)
                    .key(PolicyItems.headKey(set))
                    .consistentRead(true)
                    .build())
            .item();
    return head == null || head.isEmpty() ? 0 : PolicyItems.headVersion(head, table);
  }

  private UpdateItemRequest conditionalUpdate(long expected) {
    UpdateItemRequest.Builder update =
        UpdateItemRequest.builder()
            .tableName(table)
            .key(PolicyItems.headKey(set))
            .updateExpression("SET #version = :next");
    if (expected == 0) {
      return update
          .conditionExpression("attribute_not_exists(#version)")
          .expressionAttributeNames(Map.of("#version", PolicyItems.VERSION))
          .expressionAttributeValues(Map.of(":next", PolicyItems.number(1)))
          .build();
    }
    return update
        .conditionExpression("#version = :expected")
        .expressionAttributeNames(Map.of("#version", PolicyItems.VERSION))
        .expressionAttributeValues(
            Map.of(
                ":next", PolicyItems.number(expected + 1),
                ":expected", PolicyItems.number(expected)))
        .build();
  }

  private void pause(int attempt) throws PolicyStoreException {
    long bound = Math.min(MAX_PAUSE_MILLIS, 1L << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted", e);
    }
  }

  private PolicyStoreException failure(String reason, Throwable cause) {
    return new PolicyStoreException(
        "DynamoDB table '%s' in region %s: version bump of policy set %s failed: %s"
            .formatted(table, client.serviceClientConfiguration().region(), set, reason),
        cause);
  }
}
