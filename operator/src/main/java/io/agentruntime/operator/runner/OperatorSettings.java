package io.agentruntime.operator.runner;

import java.net.URI;
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
 * @param dynamoDbEndpoint an endpoint replacing every AWS region's DynamoDB endpoint (a local
 *     DynamoDB), or empty for AWS itself
 */
public record OperatorSettings(
    Set<String> watchedNamespaces,
    Optional<LeaderElectionSettings> leaderElection,
    int httpPort,
    Duration shutdownTimeout,
    Optional<URI> dynamoDbEndpoint) {

  /** The default port of the health and metrics server. */
  public static final int DEFAULT_HTTP_PORT = 8081;

  /** Copies the namespace set so later changes to the caller's set cannot leak in. */
  public OperatorSettings {
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http port must be within 0-65535, got " + httpPort);
    }
  }

  /** Settings that reach DynamoDB at AWS itself. */
  public OperatorSettings(
      Set<String> watchedNamespaces,
      Optional<LeaderElectionSettings> leaderElection,
      int httpPort,
      Duration shutdownTimeout) {
    this(watchedNamespaces, leaderElection, httpPort, shutdownTimeout, Optional.empty());
  }

  /** The same settings with DynamoDB reached at {@code endpoint}. */
  public OperatorSettings withDynamoDbEndpoint(URI endpoint) {
    return new OperatorSettings(
        watchedNamespaces, leaderElection, httpPort, shutdownTimeout, Optional.of(endpoint));
  }

  /** Whether every namespace of the cluster is watched. */
  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }
}
