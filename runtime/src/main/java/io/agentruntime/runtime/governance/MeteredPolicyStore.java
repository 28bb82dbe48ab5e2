package io.agentruntime.runtime.governance;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.Counter;

/** Counts every call to the wrapped store ({@code agent_policy_store_requests_total}). */
public final class MeteredPolicyStore implements PolicyStore {

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
    this.versionReads = metrics.policyStoreRequests("version", region, "success");
    this.versionErrors = metrics.policyStoreRequests("version", region, "error");
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
