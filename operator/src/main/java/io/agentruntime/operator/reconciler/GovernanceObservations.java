package io.agentruntime.operator.reconciler;

import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.status.AgentRuntimeConditions;
import io.agentruntime.operator.status.GovernanceOutcome;
import io.agentruntime.operator.store.GovernanceStore;
import io.agentruntime.operator.store.PolicySetAddress;
import java.time.Duration;

/**
 * Reads the head of an AgentRuntime's policy set, creating the table first when it is missing and
 * the spec asks for it ({@code createTable: true}). One {@code GetItem} per reconciliation once the
 * table exists; a missing table costs a {@code CreateTable} only when it is really missing.
 */
final class GovernanceObservations {

  /** How soon a runtime whose policy set could not be read is reconciled again. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(30);

  private GovernanceObservations() {}

  /** What the store says about {@code cr}'s policy set; never throws. */
  static GovernanceOutcome observe(GovernanceStore store, AgentRuntime cr) {
    PolicySetAddress address = null;
    try {
      var configured = store.addressOf(cr);
      if (configured.isEmpty()) {
        return GovernanceOutcome.NOT_CONFIGURED;
      }
      address = configured.get();
      return GovernanceOutcome.synced(readOrCreate(store, cr, address));
    } catch (PolicyStoreException e) {
      if (address != null && GovernanceStore.tableMissing(e)) {
        return GovernanceOutcome.failed(
            AgentRuntimeConditions.REASON_TABLE_NOT_FOUND,
            "DynamoDB table '"
                + address.table()
                + "' does not exist in "
                + address.region()
                + ": create it, or set spec.governance.store.dynamodb.createTable: true");
      }
      return GovernanceOutcome.failed(
          AgentRuntimeConditions.REASON_STORE_UNAVAILABLE, ApplyFailures.describe(e));
    }
  }

  private static long readOrCreate(GovernanceStore store, AgentRuntime cr, PolicySetAddress address)
      throws PolicyStoreException {
    try {
      return store.headVersion(address);
    } catch (PolicyStoreException e) {
      if (!GovernanceStore.tableMissing(e) || !GovernanceStore.createsTable(cr)) {
        throw e;
      }
    }
    store.createTable(address);
    return store.headVersion(address);
  }
}
