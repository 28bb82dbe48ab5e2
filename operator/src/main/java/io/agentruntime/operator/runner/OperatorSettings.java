package io.agentruntime.operator.runner;

import io.agentruntime.operator.render.RenderSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

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
 * @param sqsEndpoint an endpoint replacing every AWS region's SQS endpoint (an SQS-compatible
 *     server), or empty for AWS itself
 * @param rendering what the renderers need of the installation: the Prometheus KEDA queries
 * @param addOnRecheckInterval the least time between two lookups of an add-on CRD the operator
 *     could not use, and how soon an AgentRuntime that wants such an add-on is looked at again
 */
public record OperatorSettings(
    Set<String> watchedNamespaces,
    Optional<LeaderElectionSettings> leaderElection,
    int httpPort,
    Duration shutdownTimeout,
    Optional<URI> dynamoDbEndpoint,
    Optional<URI> sqsEndpoint,
    RenderSettings rendering,
    Duration addOnRecheckInterval) {

  /** The default port of the health and metrics server. */
  public static final int DEFAULT_HTTP_PORT = 8081;

  /** The default {@link #addOnRecheckInterval}. */
  public static final Duration DEFAULT_ADD_ON_RECHECK_INTERVAL = Duration.ofMinutes(1);

  /** Copies the namespace set so later changes to the caller's set cannot leak in. */
  public OperatorSettings {
    watchedNamespaces = Set.copyOf(watchedNamespaces);
    if (httpPort < 0 || httpPort > 65_535) {
      throw new IllegalArgumentException("http port must be within 0-65535, got " + httpPort);
    }
  }

  /**
   * Settings that reach DynamoDB at AWS itself, with the chart's default Prometheus and add-on
   * recheck interval.
   */
  public OperatorSettings(
      Set<String> watchedNamespaces,
      Optional<LeaderElectionSettings> leaderElection,
      int httpPort,
      Duration shutdownTimeout) {
    this(
        watchedNamespaces,
        leaderElection,
        httpPort,
        shutdownTimeout,
        Optional.empty(),
        Optional.empty(),
        RenderSettings.DEFAULTS,
        DEFAULT_ADD_ON_RECHECK_INTERVAL);
  }

  /** The same settings with DynamoDB reached at {@code endpoint}. */
  public OperatorSettings withDynamoDbEndpoint(URI endpoint) {
    return with(copy -> copy.dynamoDbEndpoint = Optional.of(endpoint));
  }

  /** The same settings with SQS reached at {@code endpoint}. */
  public OperatorSettings withSqsEndpoint(URI endpoint) {
    return with(copy -> copy.sqsEndpoint = Optional.of(endpoint));
  }

  /** The same settings with {@code rendering} instead. */
  public OperatorSettings withRendering(RenderSettings rendering) {
    return with(copy -> copy.rendering = rendering);
  }

  /** The same settings with add-on CRDs looked up again after {@code interval} instead. */
  public OperatorSettings withAddOnRecheckInterval(Duration interval) {
    return with(copy -> copy.addOnRecheckInterval = interval);
  }

  /** Whether every namespace of the cluster is watched. */
  public boolean watchesAllNamespaces() {
    return watchedNamespaces.isEmpty();
  }

  /** A copy of these settings with {@code change} made to its fields. */
  private OperatorSettings with(Consumer<Fields> change) {
    Fields copy = new Fields(this);
    change.accept(copy);
    return new OperatorSettings(
        copy.watchedNamespaces,
        copy.leaderElection,
        copy.httpPort,
        copy.shutdownTimeout,
        copy.dynamoDbEndpoint,
        copy.sqsEndpoint,
        copy.rendering,
        copy.addOnRecheckInterval);
  }

  /** The fields of settings being copied, changed one at a time by the {@code with} methods. */
  private static final class Fields {
    private final Set<String> watchedNamespaces;
    private final Optional<LeaderElectionSettings> leaderElection;
    private final int httpPort;
    private final Duration shutdownTimeout;
    private Optional<URI> dynamoDbEndpoint;
    private Optional<URI> sqsEndpoint;
    private RenderSettings rendering;
    private Duration addOnRecheckInterval;

    private Fields(OperatorSettings settings) {
      watchedNamespaces = settings.watchedNamespaces;
      leaderElection = settings.leaderElection;
      httpPort = settings.httpPort;
      shutdownTimeout = settings.shutdownTimeout;
      dynamoDbEndpoint = settings.dynamoDbEndpoint;
      sqsEndpoint = settings.sqsEndpoint;
      rendering = settings.rendering;
      addOnRecheckInterval = settings.addOnRecheckInterval;
    }
  }
}
