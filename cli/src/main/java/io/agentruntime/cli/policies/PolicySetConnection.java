package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicySetWriter;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.PolicyTable;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * One policy set in one table, through one client: reads it as the runtime does ({@link
 * DynamoDbPolicyStore}), changes it as the operator does ({@link DynamoDbPolicySetWriter}), and
 * creates the table ({@link PolicyTable}). Closing it closes the client.
 */
final class PolicySetConnection implements AutoCloseable {
  private static final Duration TABLE_CREATION_TIMEOUT = Duration.ofMinutes(2);

  private final StoreTarget target;
  private final DynamoDbClient client;
  private final DynamoDbPolicyStore store;
  private final DynamoDbPolicySetWriter writer;

  private PolicySetConnection(StoreTarget target, DynamoDbClient client) {
    this.target = target;
    this.client = client;
    this.store =
        new DynamoDbPolicyStore(client, target.table(), target.set(), StoreRequestListener.NONE);
    this.writer =
        new DynamoDbPolicySetWriter(client, target.table(), target.set(), Clock.systemUTC());
  }

  /** Builds the client; no request is made yet. Credentials come from the SDK's default chain. */
  static PolicySetConnection open(StoreTarget target) {
    return new PolicySetConnection(target, target.client().newClient());
  }

  /** The set as the runtime would load it: one consistent query. */
  PolicySetSnapshot load() throws PolicyStoreException {
    try {
      return store.load();
    } catch (PolicyStoreException e) {
      if (isMissingTable(e)) {
        throw new PolicyStoreException(
            "DynamoDB table '%s' in region %s does not exist (push --create-table creates it)"
                .formatted(target.table(), store.region()),
            e);
      }
      throw e;
    }
  }

  /** Whether the table exists, without creating it (for a dry run). */
  boolean tableExists() throws PolicyStoreException {
    try {
      client.describeTable(request -> request.tableName(target.table()));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    } catch (SdkException e) {
      throw new PolicyStoreException(
          "DynamoDB table '%s' in region %s: cannot describe it: %s"
              .formatted(target.table(), store.region(), e.getMessage()),
          e);
    }
  }

  /** Creates the table unless it exists, and waits until it is ACTIVE. */
  void createTableIfMissing() throws PolicyStoreException {
    new PolicyTable(client, target.table()).createIfMissing(TABLE_CREATION_TIMEOUT);
  }

  /**
   * Writes one change, then bumps the set's head.
   *
   * @return the set's version after the change
   */
  long apply(PolicyChange change) throws PolicyStoreException {
    return switch (change) {
      case PolicyChange.Added added -> writer.put(added.policy());
      case PolicyChange.Changed changed -> writer.put(changed.after());
      case PolicyChange.Removed removed -> writer.delete(removed.id());
    };
  }

  @Override
  public void close() {
    store.close();
  }

  private static boolean isMissingTable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceNotFoundException) {
        return true;
      }
    }
    return false;
  }
}
