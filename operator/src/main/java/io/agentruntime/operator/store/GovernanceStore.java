package io.agentruntime.operator.store;

import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicySetWriter;
import io.agentruntime.governance.store.dynamodb.DynamoDbPolicyStore;
import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.governance.store.dynamodb.PolicyTable;
import io.agentruntime.governance.store.dynamodb.StoreRequestListener;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.DynamoDbStoreSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceStoreSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The operator's reads and writes of runtimes' policy sets, each a few DynamoDB calls on the shared
 * client of the table's region.
 */
public final class GovernanceStore {

  /** How long a table the operator creates may take to become ACTIVE. */
  static final Duration TABLE_CREATION_TIMEOUT = Duration.ofMinutes(2);

  private final DynamoDbClients clients;
  private final Clock clock;

  /**
   * @param clients the clients to use; the caller closes them
   * @param clock stamps the policies' {@code updatedAt}
   */
  public GovernanceStore(DynamoDbClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /**
   * The policy set of {@code runtime}; empty when its policies come from files rather than a
   * DynamoDB table.
   *
   * @throws PolicyStoreException when the spec names no region and the operator has none either
   */
  public Optional<PolicySetAddress> addressOf(AgentRuntime runtime) throws PolicyStoreException {
    var store =
        Optional.ofNullable(runtime.getSpec().getGovernance())
            .map(GovernanceSpec::getStore)
            .map(GovernanceStoreSpec::getDynamodb);
    if (store.isEmpty()) {
      return Optional.empty();
    }
    var region = store.get().getRegion();
    var set =
        new PolicySetKey(runtime.getMetadata().getNamespace(), runtime.getMetadata().getName());
    return Optional.of(
        new PolicySetAddress(
            store.get().getTable(), region != null ? region : clients.defaultRegion(), set));
  }

  /** Whether {@code runtime} asks the operator to create its table when missing. */
  public static boolean createsTable(AgentRuntime runtime) {
    return Optional.ofNullable(runtime.getSpec().getGovernance())
        .map(GovernanceSpec::getStore)
        .map(GovernanceStoreSpec::getDynamodb)
        .map(DynamoDbStoreSpec::getCreateTable)
        .orElse(false);
  }

  /**
   * Writes {@code policy} into the set unless the table already holds it as it is.
   *
   * @return the set's head version afterwards (unchanged when nothing was written)
   */
  public long put(PolicySetAddress address, PolicyDocument policy) throws PolicyStoreException {
    return writer(address).putIfChanged(policy);
  }

  /**
   * Removes the policy {@code policyId} from the set (absent is fine) and bumps the head.
   *
   * @return the set's new head version
   */
  public long delete(PolicySetAddress address, String policyId) throws PolicyStoreException {
    return writer(address).delete(policyId);
  }

  /** The set's head version: one consistent {@code GetItem}; 0 before the first write. */
  public long headVersion(PolicySetAddress address) throws PolicyStoreException {
    // Not closed: closing the store would close the client it shares with every other set.
    var store =
        new DynamoDbPolicyStore(
            clients.client(address.region()),
            address.table(),
            address.set(),
            StoreRequestListener.NONE);
    return store.currentVersion();
  }

  /** Creates the table (on-demand, string keys pk and sk) unless it exists; waits until ACTIVE. */
  public void createTable(PolicySetAddress address) throws PolicyStoreException {
    new PolicyTable(clients.client(address.region()), address.table())
        .createIfMissing(TABLE_CREATION_TIMEOUT);
  }

  /** Whether {@code failure} says that the table does not exist. */
  public static boolean tableMissing(PolicyStoreException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ResourceNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private DynamoDbPolicySetWriter writer(PolicySetAddress address) {
    return new DynamoDbPolicySetWriter(
        clients.client(address.region()), address.table(), address.set(), clock);
  }
}
