package io.agentruntime.operator.runner;

import io.agentruntime.operator.reconciler.AgentRuntimeReconciler;
import io.agentruntime.operator.reconciler.GovernancePolicyReconciler;
import io.agentruntime.operator.reconciler.GpuNodePoolCleanupReconciler;
import io.agentruntime.operator.store.DispatchQueues;
import io.agentruntime.operator.store.DynamoDbClients;
import io.agentruntime.operator.store.GovernanceStore;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ConfigurationServiceOverrider;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JOSDK {@link Operator} running the AgentRuntime and GovernancePolicy reconcilers, with the
 * process-level concerns JOSDK leaves to the application: which namespaces are watched, what losing
 * leadership does, the DynamoDB clients shared by every reconciliation, and an orderly stop.
 *
 * <p>Production keeps JOSDK's defaults, notably Server-Side Apply for managed objects and for the
 * status; callers may adjust the configuration (tests against an API server without SSA do).
 */
public final class AgentRuntimeOperator {

  private static final Logger LOG = LoggerFactory.getLogger(AgentRuntimeOperator.class);

  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private final Operator operator;
  private final DynamoDbClients dynamoDbClients;
  private final DispatchQueues dispatchQueues;

  private AgentRuntimeOperator(
      OperatorSettings settings,
      KubernetesClient client,
      Metrics metrics,
      Runnable onLeadershipLost,
      Consumer<ConfigurationServiceOverrider> overrides) {
    this.operator =
        new Operator(
            config -> {
              config
                  .withKubernetesClient(client)
                  .withMetrics(metrics)
                  .withCloseClientOnStop(false)
                  .withReconciliationTerminationTimeout(settings.shutdownTimeout());
              settings
                  .leaderElection()
                  .ifPresent(
                      election ->
                          config.withLeaderElectionConfiguration(
                              leaderElection(election, onLeadershipLost)));
              overrides.accept(config);
            });
    this.dynamoDbClients = new DynamoDbClients(settings.dynamoDbEndpoint());
    this.dispatchQueues = new DispatchQueues(settings.sqsEndpoint());
    var store = new GovernanceStore(dynamoDbClients, Clock.systemUTC());
    operator.register(
        new AgentRuntimeReconciler(
            store,
            dispatchQueues,
            settings.rendering(),
            settings.addOnRecheckInterval(),
            Clock.systemUTC()),
        controller -> watchNamespaces(controller, settings));
    operator.register(
        new GpuNodePoolCleanupReconciler(), controller -> watchNamespaces(controller, settings));
    operator.register(
        new GovernancePolicyReconciler(store, Clock.systemUTC()),
        controller -> watchNamespaces(controller, settings));
  }

  private static void watchNamespaces(
      ControllerConfigurationOverrider<?> controller, OperatorSettings settings) {
    if (settings.watchesAllNamespaces()) {
      controller.watchingAllNamespaces();
    } else {
      controller.settingNamespaces(settings.watchedNamespaces());
    }
  }

  /**
   * Creates the operator; nothing talks to the cluster before {@link #start()}.
   *
   * @param settings namespaces, leader election and shutdown timeout
   * @param client the client the operator uses; the caller owns it and closes it after {@link
   *     #stop()}
   * @param metrics where JOSDK records its reconcile metrics
   * @param onLeadershipLost what happens when this replica loses the Lease while running, if the
   *     settings ask to exit on loss (production: end the process so the pod restarts)
   * @param overrides further JOSDK configuration, applied last
   */
  public static AgentRuntimeOperator create(
      OperatorSettings settings,
      KubernetesClient client,
      Metrics metrics,
      Runnable onLeadershipLost,
      Consumer<ConfigurationServiceOverrider> overrides) {
    return new AgentRuntimeOperator(settings, client, metrics, onLeadershipLost, overrides);
  }

  /** Starts the informers and, once leading (or at once without leader election), reconciling. */
  public void start() {
    operator.start();
    started.set(true);
  }

  /**
   * Stops reconciling, waiting for in-flight reconciliations up to the shutdown timeout, releases
   * the Lease, then closes the DynamoDB clients. Losing leadership because of this stop is not
   * treated as a loss.
   */
  public void stop() {
    stopping.set(true);
    started.set(false);
    operator.stop();
    dynamoDbClients.close();
    dispatchQueues.close();
  }

  /**
   * The current health, for the probes. JOSDK's runtime information is consulted only once the
   * operator has started: until then it waits on the lock held while informers sync.
   */
  public OperatorHealth health() {
    return started.get() ? OperatorHealth.of(operator.getRuntimeInfo()) : OperatorHealth.STARTING;
  }

  private LeaderElectionConfiguration leaderElection(
      LeaderElectionSettings election, Runnable onLeadershipLost) {
    var callbacks =
        new LeaderCallbacks(
            () -> LOG.info("Leading as {}; reconciling starts", election.identity()),
            () -> leadershipEnded(election, onLeadershipLost),
            leader -> LOG.info("Current leader of {}: {}", election.leaseName(), leader));
    // JOSDK would call System.exit itself; the decision is taken here instead so that a
    // deliberate stop does not look like a loss and the exit path is explicit and testable.
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(election.leaseName())
        .withLeaseNamespace(election.leaseNamespace())
        .withIdentity(election.identity())
        .withLeaseDuration(election.timing().leaseDuration())
        .withRenewDeadline(election.timing().renewDeadline())
        .withRetryPeriod(election.timing().retryPeriod())
        .withLeaderCallbacks(callbacks)
        .withExitOnStopLeading(false)
        .build();
  }

  private void leadershipEnded(LeaderElectionSettings election, Runnable onLeadershipLost) {
    if (stopping.get()) {
      LOG.info("Released the {} Lease", election.leaseName());
    } else if (election.exitOnLoss()) {
      LOG.error("Lost the {} Lease; exiting so that the pod restarts", election.leaseName());
      onLeadershipLost.run();
    } else {
      LOG.error(
          "Lost the {} Lease; no longer reconciling (exit on leadership loss is off)",
          election.leaseName());
    }
  }
}
