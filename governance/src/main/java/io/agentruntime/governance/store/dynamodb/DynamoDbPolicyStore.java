package io.agentruntime.governance.store.dynamodb;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Operation;
import io.agentruntime.governance.store.dynamodb.StoreRequest.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * One runtime's policy set in a DynamoDB table, read in one region.
 *
 * <p>{@link #load()} is one consistent, paginated {@code Query} of the set's partition (never a
 * {@code Scan}); the head item sorts first and gives the snapshot its version. {@link
 * #currentVersion()} is one consistent {@code GetItem} of the head. A set without a head is empty
 * at version 0. Writers ({@link DynamoDbPolicySetWriter}) bump the head after every policy write,
 * so a reader that sees a new version and reloads always sees that write. A change that lands while
 * a multi-page query runs may show up under the previous version; the head then differs from the
 * loaded version and the next refresh reloads.
 *
 * <p>The store owns its client and closes it on {@link #close()}.
 */
public final class DynamoDbPolicyStore implements PolicyStore {
  private final DynamoDbClient client;
  private final String table;
  private final PolicySetKey set;
  private final String region;
  private final StoreRequestListener listener;

  /**
   * @param client a client for one region (see {@link DynamoDbClientSettings})
   * @param table the table's name
   * @param set whose policies to read
   * @param listener told about every request; {@link StoreRequestListener#NONE} for none
   */
  public DynamoDbPolicyStore(
      DynamoDbClient client, String table, PolicySetKey set, StoreRequestListener listener) {
    this.client = Objects.requireNonNull(client, "client");
    this.table = requireTable(table);
    this.set = Objects.requireNonNull(set, "set");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.region = client.serviceClientConfiguration().region().id();
  }

  @Override
  public PolicySetSnapshot load() throws PolicyStoreException {
    return reported(Operation.LOAD, this::query);
  }

  @Override
  public long currentVersion() throws PolicyStoreException {
    return reported(Operation.CURRENT_VERSION, this::headVersion);
  }

  @Override
  public String describe() {
    return "dynamodb:" + table + "/" + set + "@" + region;
  }

  /** The region this store reads from, e.g. {@code eu-west-1}. */
  public String region() {
    return region;
  }

  @Override
  public void close() {
    client.close();
  }

  private PolicySetSnapshot query() throws PolicyStoreException {
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("#pk = :pk")
            .expressionAttributeNames(Map.of("#pk", PolicyItems.PK))
            .expressionAttributeValues(Map.of(":pk", PolicyItems.string(set.partitionKey())))
            .consistentRead(true)
            .build();
    long version = 0;
    List<PolicyDocument> policies = new ArrayList<>();
    for (QueryResponse page : client.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        if (PolicyItems.isHead(item)) {
          version = PolicyItems.headVersion(item, table);
        } else if (PolicyItems.isPolicy(item)) {
          policies.add(PolicyItems.toDocument(item, table));
        }
      }
    }
    return new PolicySetSnapshot(version, policies);
  }

  private long headVersion() throws PolicyStoreException {
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(table)
            .key(PolicyItems.headKey(set))
            .consistentRead(true)
            .projectionExpression("#v")
            .expressionAttributeNames(Map.of("#v", PolicyItems.VERSION))
            .build();
    Map<String, AttributeValue> head = client.getItem(request).item();
    if (head == null || head.isEmpty()) {
      return 0;
    }
    return PolicyItems.headVersion(head, table);
  }

  private <T> T reported(Operation operation, Read<T> read) throws PolicyStoreException {
    try {
      T result = read.run();
      listener.onRequest(new StoreRequest(operation, region, Outcome.SUCCESS));
      return result;
    } catch (PolicyStoreException e) {
      listener.onRequest(new StoreRequest(operation, region, Outcome.ERROR));
      throw failure(operation, e);
    } catch (SdkException e) {
      listener.onRequest(new StoreRequest(operation, region, outcome(e)));
      throw failure(operation, e);
    }
  }

  private PolicyStoreException failure(Operation operation, Exception cause) {
    return new PolicyStoreException(
        "DynamoDB table '%s' in region %s: %s of policy set %s failed: %s"
            .formatted(table, region, operation.label(), set, cause.getMessage()),
        cause);
  }

  private static Outcome outcome(SdkException failure) {
    return failure instanceof AwsServiceException service && service.isThrottlingException()
        ? Outcome.THROTTLED
        : Outcome.ERROR;
  }

  static String requireTable(String table) {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("table must name a DynamoDB table");
    }
    return table;
  }

  @FunctionalInterface
  private interface Read<T> {
    T run() throws PolicyStoreException;
  }
}
