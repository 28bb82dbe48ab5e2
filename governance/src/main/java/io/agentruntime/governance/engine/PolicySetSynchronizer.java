package io.agentruntime.governance.engine;

import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.store.PolicyStore;
import io.agentruntime.governance.store.PolicyStoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link GovernanceEngine} in step with a {@link PolicyStore}: each {@link #refresh()} asks
 * the store for its version and reloads only when it moved. Blocking: call from a worker thread.
 */
public final class PolicySetSynchronizer {
  private static final Logger LOG = LoggerFactory.getLogger(PolicySetSynchronizer.class);
  private static final long NONE = Long.MIN_VALUE;

  private final PolicyStore store;
  private final GovernanceEngine engine;
  private final Clock clock;
  private volatile Instant lastSuccessfulRefresh;
  private volatile String lastError;
  private long rejectedVersion = NONE;

  public PolicySetSynchronizer(PolicyStore store, GovernanceEngine engine, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * One refresh cycle. Never throws: store and compilation errors are recorded ({@link
   * #lastError()}) and the engine keeps its last good set.
   *
   * @return true when a new set was installed
   */
  public synchronized boolean refresh() {
    long version;
    PolicySetSnapshot snapshot;
    try {
      version = store.currentVersion();
      if (engine.hasPolicySet() && version == engine.policySetVersion()) {
        storeAnswered();
        return false;
      }
      if (version == rejectedVersion) {
        // Already reported; reloading the same broken version every cycle would only add load.
        lastSuccessfulRefresh = clock.instant();
        return false;
      }
      snapshot = store.load();
    } catch (PolicyStoreException | RuntimeException e) {
      recordError(e.getMessage());
      return false;
    }
    // The store answered: the set's age restarts even if its content cannot be installed.
    lastSuccessfulRefresh = clock.instant();
    try {
      engine.install(snapshot);
    } catch (PolicySetCompilationException | RuntimeException e) {
      rejectedVersion = version;
      recordError("version " + snapshot.version() + " rejected: " + e.getMessage());
      return false;
    }
    LOG.info(
        "Installed policy set version {} ({} policies) from {}",
        snapshot.version(),
        snapshot.policies().size(),
        store.describe());
    storeAnswered();
    return true;
  }

  private void storeAnswered() {
    lastSuccessfulRefresh = clock.instant();
    lastError = null;
    rejectedVersion = NONE;
  }

  private void recordError(String error) {
    String message = store.describe() + ": " + error;
    if (!message.equals(lastError)) {
      LOG.warn(
          "Policy set refresh failed, keeping version {}: {}", engine.policySetVersion(), message);
    }
    lastError = message;
  }

  /** When the store last answered successfully (the policy set's age is measured from here). */
  public Optional<Instant> lastSuccessfulRefresh() {
    return Optional.ofNullable(lastSuccessfulRefresh);
  }

  /** The last store or compilation error, cleared by the next successful refresh. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }
}
