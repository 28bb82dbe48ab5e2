package io.agentruntime.runtime.governance;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.governance.store.dynamodb.StoreRequest;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.Counter;

/**
 * Counts every call to the wrapped store ({@code agent_policy_store_requests_total}), for stores
 * that do not report their own requests (the DynamoDB store does, per region).
 */
public final class MeteredPolicyStore implements PolicyStore {

  // The same label value the DynamoDB store reports, so dashboards need not know the store kind.
  private static final String CURRENT_VERSION = StoreRequest.Operation.CURRENT_VERSION.label();

  private final PolicyStore delegate;
  private final Counter loads;
  private final Counter loadErrors;
  private final Counter versionReads;
  private final Counter versionErrors;

  /**
   * @param region the {@code region} label: the store's region, {@code local} for files
   */
  public MeteredPolicyStore(PolicyStore delegate, RuntimeMetrics metrics, String region) {
    this.delegate = delegate;
    this.loads = metrics.policyStoreRequests("load", region, "success");
    this.loadErrors = metrics.policyStoreRequests("load", region, "error");
    this.versionReads = metrics.policyStoreRequests(CURRENT_VERSION, region, "success");
    this.versionErrors = metrics.policyStoreRequests(CURRENT_VERSION, region, "error");
  }

  @Override
  public PolicySetSnapshot load() throws PolicyStoreException {
    try {
      PolicySetSnapshot snapshot = delegate.load();
      loads.increment();
      return snapshot;
    } catch (PolicyStoreException | RuntimeException e) {
      loadErrors.increment();
      throw e;
    }
  }

  @Override
  public long currentVersion() throws PolicyStoreException {
    try {
      long version = delegate.currentVersion();
      versionReads.increment();
      return version;
    } catch (PolicyStoreException | RuntimeException e) {
      versionErrors.increment();
      throw e;
    }
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
