package io.agentruntime.operator.runner;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The operator process's configuration, parsed once at startup.
 *
 * @param watchedNamespaces the namespaces whose AgentRuntimes are reconciled; empty means all
 * @param leaderElection leader election settings, or empty to reconcile without a Lease (a single
 *     replica, or a local run)
 * @param httpPort the port of the health and metrics server (0 picks a free port)
 * @param shutdownTimeout how long in-flight reconciliations may run on shutdown
 */
public record OperatorSettings(
    Set<String> watchedNamespaces,
    Optional<LeaderElectionSettings> leaderElection,
    int httpPort,
    Duration shutdownTimeout) {

  /** The default port of the health and metrics server. */
  public static final int DEFAULT_HTTP_PORT = 8081;

  /** Copies the namespace set so later changes to the caller's set cannot leak in. */
  public OperatorSettings {
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http port must be within 0-65535, got " + httpPort);
    }
  }

  /** Whether every namespace of the cluster is watched. */
  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }
}
