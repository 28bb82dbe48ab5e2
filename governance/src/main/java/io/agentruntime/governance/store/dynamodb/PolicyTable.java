package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.store.PolicyStoreException;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the governance table: on-demand billing, string keys {@code pk} (partition) and {@code
 * sk} (sort). Used by the operator when asked to create it, and by tests.
 */
public final class PolicyTable {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

  private final DynamoDbClient client;
  private final String table;

  public PolicyTable(DynamoDbClient client, String table) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = DynamoDbPolicyStore.requireTable(table);
  }

  /**
   * Creates the table unless it exists, and waits until it is ACTIVE. Safe to call concurrently and
   * repeatedly; an existing table is used as it is.
   *
   * @param timeout how long to wait for the table to become ACTIVE
   */
  public void createIfMissing(Duration timeout) throws PolicyStoreException {
    try {
      client.createTable(
          request ->
              request
                  .tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      stringAttribute(PolicyItems.PK), stringAttribute(PolicyItems.SK))
                  .keySchema(
                      key(PolicyItems.PK, KeyType.HASH), key(PolicyItems.SK, KeyType.RANGE)));
    } catch (ResourceInUseException e) {
      // The table exists already (or is being created by someone else): wait for it below.
    } catch (SdkException e) {
      throw failure("cannot create table: " + e.getMessage(), e);
    }
    awaitActive(timeout);
  }

  private void awaitActive(Duration timeout) throws PolicyStoreException {
    try (DynamoDbWaiter waiter =
        DynamoDbWaiter.builder()
            .client(client)
            .overrideConfiguration(
                config ->
                    config
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(POLL_INTERVAL))
                        .maxAttempts(Integer.MAX_VALUE)
                        .waitTimeout(timeout))
            .build()) {
      WaiterResponse<DescribeTableResponse> response =
          waiter.waitUntilTableExists(request -> request.tableName(table));
      if (response.matched().exception().isPresent()) {
        Throwable cause = response.matched().exception().get();
        throw failure("table did not become ACTIVE: " + cause.getMessage(), cause);
      }
    } catch (SdkException e) {
      throw failure("table did not become ACTIVE within " + timeout + ": " + e.getMessage(), e);
    }
  }

  private PolicyStoreException failure(String reason, Throwable cause) {
    return new PolicyStoreException(
        "DynamoDB table '%s' in region %s: %s"
            .formatted(table, client.serviceClientConfiguration().region(), reason),
        cause);
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
