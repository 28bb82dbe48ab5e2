package io.agentruntime.runtime.governance;

import io.agentruntime.governance.engine.GovernanceEngine;
import io.agentruntime.governance.engine.PolicySetSynchronizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether this process should receive traffic: a policy set is loaded, the store answered within
 * {@code maxStaleness}, and no shutdown has begun. {@code /readyz} and {@code /dispatch} share it.
 */
public final class Readiness {

  private final GovernanceEngine engine;
  private final PolicySetSynchronizer synchronizer;
  private final Duration maxStaleness;
  private final Clock clock;
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  public Readiness(
      GovernanceEngine engine,
      PolicySetSynchronizer synchronizer,
      Duration maxStaleness,
      Clock clock) {
    this.engine = engine;
    this.synchronizer = synchronizer;
    this.maxStaleness = maxStaleness;
    this.clock = clock;
  }

  /** Why requests cannot be served now; empty when ready. */
  public Optional<NotReady> notReady() {
    if (shuttingDown.get()) {
      return Optional.of(new NotReady(false, "the runtime is shutting down"));
    }
    if (!engine.hasPolicySet()) {
      return Optional.of(
          new NotReady(
              false,
              "no policy set loaded yet"
                  + synchronizer.lastError().map(error -> " (" + error + ")").orElse("")));
    }
    Optional<Instant> lastRefresh = synchronizer.lastSuccessfulRefresh();
    // Millisecond arithmetic: this runs for every request, and Duration math allocates.
    if (lastRefresh.isPresent()
        && clock.millis() - lastRefresh.get().toEpochMilli() > maxStaleness.toMillis()) {
      return Optional.of(
          new NotReady(
              true,
              "the policy store has not answered for more than "
                  + maxStaleness.toSeconds()
                  + "s (governance.maxStaleness)"
                  + synchronizer.lastError().map(error -> ": " + error).orElse("")));
    }
    return Optional.empty();
  }

  /** Seconds since the store last answered; NaN before it ever did. */
  public double policySetAgeSeconds() {
    return synchronizer
        .lastSuccessfulRefresh()
        .map(last -> Duration.between(last, clock.instant()).toMillis() / 1000.0)
        .orElse(Double.NaN);
  }

  /** From now on, report not ready: the first step of a graceful shutdown. */
  public void beginShutdown() {
    shuttingDown.set(true);
  }

  public boolean shuttingDown() {
    return shuttingDown.get();
  }

  /**
   * Why the runtime cannot serve requests now.
   *
   * @param policyStoreStale the last good policy set is older than {@code maxStaleness}, as opposed
   *     to starting up or shutting down
   * @param detail for the problem's {@code detail}
   */
  public record NotReady(boolean policyStoreStale, String detail) {}
}
