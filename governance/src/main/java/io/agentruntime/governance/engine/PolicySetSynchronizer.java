package io.agentruntime.governance.engine;

import io.agentruntime.governance.store.PolicyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a {@link GovernanceEngine} in step with a {@link PolicyStore}: each {@link #refresh()} asks
 * the store for its version and reloads only when it moved. Blocking: call from a worker thread.
 */
public final class PolicySetSynchronizer {

  public PolicySetSynchronizer(PolicyStore store, GovernanceEngine engine, Clock clock) {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /**
   * One refresh cycle. Never throws: store and compilation errors are recorded ({@link
   * #lastError()}) and the engine keeps its last good set.
   *
   * @return true when a new set was installed
   */
  public boolean refresh() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** When the store last answered successfully (the policy set's age is measured from here). */
  public Optional<Instant> lastSuccessfulRefresh() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }

  /** The last store or compilation error, cleared by the next successful refresh. */
  public Optional<String> lastError() {
    throw new UnsupportedOperationException("contract only: implementation pending");
  }
}
