package io.agentruntime.operator.runner;

import io.agentruntime.operator.render.RenderSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code agent-runtime-operator run}: reconciles AgentRuntimes and GovernancePolicies until
 * SIGTERM, serving probes and metrics. Stops the operator first (in-flight reconciliations finish,
 * the Lease is released), then the HTTP server.
 */
@Command(
    name = "run",
    description = "Reconcile AgentRuntime and GovernancePolicy resources (the default command).")
public final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--namespaces",
      split = ",",
      defaultValue = "${env:WATCH_NAMESPACES}",
      description = "Namespaces to watch, comma-separated (env WATCH_NAMESPACES; default: all).")
  List<String> namespaces = List.of();

  @Option(
      names = "--http-port",
      defaultValue = "8081",
      description = "Port of /healthz, /readyz and /metrics (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Compete for a Lease so only one replica reconciles (default: on).")
  boolean leaderElection;

  @Option(
      names = "--lease-name",
      defaultValue = LeaderElectionSettings.DEFAULT_LEASE_NAME,
      description = "Name of the Lease (default: ${DEFAULT-VALUE}).")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      defaultValue = "${env:POD_NAMESPACE}",
      description = "Namespace of the Lease (env POD_NAMESPACE; default: the client's namespace).")
  String leaseNamespace;

  @Option(
      names = "--identity",
      defaultValue = "${env:POD_NAME}",
      description = "This replica's identity in the Lease (env POD_NAME; default: host name).")
  String identity;

  @Option(
      names = "--exit-on-leadership-loss",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Exit when the Lease is lost so the pod restarts as a standby (default: on).")
  boolean exitOnLeadershipLoss;

  @Option(
      names = "--shutdown-timeout-seconds",
      defaultValue = "30",
      description =
          "How long in-flight reconciliations may run on shutdown (default: ${DEFAULT-VALUE}).")
  long shutdownTimeoutSeconds;

  @Option(
      names = "--dynamodb-endpoint",
      defaultValue = "${env:AGENT_RUNTIME_DYNAMODB_ENDPOINT}",
      description =
          "Endpoint replacing AWS's DynamoDB endpoints, for a local DynamoDB"
              + " (env AGENT_RUNTIME_DYNAMODB_ENDPOINT; default: AWS).")
  URI dynamoDbEndpoint;

  @Option(
      names = "--sqs-endpoint",
      defaultValue = "${env:AGENT_RUNTIME_SQS_ENDPOINT}",
      description =
          "Endpoint replacing AWS's SQS endpoints, for an SQS-compatible server"
              + " (env AGENT_RUNTIME_SQS_ENDPOINT; default: AWS).")
  URI sqsEndpoint;

  @Option(
      names = "--prometheus-url",
      defaultValue = "${env:AGENT_RUNTIME_PROMETHEUS_URL}",
      description =
          "The Prometheus that KEDA's triggers query for inference pools"
              + " (env AGENT_RUNTIME_PROMETHEUS_URL; default: "
              + RenderSettings.DEFAULT_PROMETHEUS_URL
              + ").")
  String prometheusUrl;

  @Override
  public Integer call() throws InterruptedException {
    var client = new KubernetesClientBuilder().build();
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    bindJvmMetrics(registry);
    var operator =
        AgentRuntimeOperator.create(
            settings(client),
            client,
            MicrometerMetrics.withoutPerResourceMetrics(registry),
            RunCommand::exitProcess,
            config -> {});
    var http =
        OperatorHttpServer.start(new InetSocketAddress(httpPort), operator::health, registry);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Shutting down");
                  operator.stop();
                  http.close();
                  client.close();
                  stopped.countDown();
                },
                "operator-shutdown"));
    try {
      operator.start();
    } catch (RuntimeException e) {
      http.close();
      client.close();
      throw e;
    }
    LOG.info("Operator started; health and metrics on port {}", http.port());
    stopped.await();
    return 0;
  }

  OperatorSettings settings(KubernetesClient client) {
    var watched = new LinkedHashSet<String>();
    for (var namespace : Optional.ofNullable(namespaces).orElse(List.of())) {
      if (!namespace.isBlank()) {
        watched.add(namespace.strip());
      }
    }
    Optional<LeaderElectionSettings> election = Optional.empty();
    if (leaderElection) {
      election =
          Optional.of(
              new LeaderElectionSettings(
                  leaseName,
                  firstNonBlank(leaseNamespace, client.getNamespace(), "--lease-namespace"),
                  firstNonBlank(identity, System.getenv("HOSTNAME"), "--identity"),
                  exitOnLeadershipLoss));
    }
    return new OperatorSettings(
        watched,
        election,
        httpPort,
        Duration.ofSeconds(shutdownTimeoutSeconds),
        Optional.ofNullable(dynamoDbEndpoint),
        Optional.ofNullable(sqsEndpoint),
        RenderSettings.withPrometheus(prometheusUrl, "--prometheus-url"),
        OperatorSettings.DEFAULT_ADD_ON_RECHECK_INTERVAL);
  }

  private static String firstNonBlank(String value, String fallback, String option) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    if (fallback != null && !fallback.isBlank()) {
      return fallback;
    }
    throw new IllegalArgumentException(
        option + " is required for leader election (or run with --no-leader-election)");
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * Ends the process from a thread of its own: the shutdown hook stops the leader elector, whose
   * thread must not be the one blocked in {@link System#exit}.
   */
  private static void exitProcess() {
    new Thread(() -> System.exit(1), "leadership-lost-exit").start();
  }
}
