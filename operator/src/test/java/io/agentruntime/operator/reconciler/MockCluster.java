package io.agentruntime.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.helm.ApiRequest;
import io.agentruntime.operator.helm.ChartRbac;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.runner.AgentRuntimeOperator;
import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.javaoperatorsdk.operator.api.monitoring.AggregatedMetrics;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * fabric8's mock API server in CRUD mode with the real operator running against it.
 *
 * <p>The mock implements neither Server-Side Apply nor garbage collection, so SSA is switched off
 * here (and only here): managed objects are created and updated with plain requests, the status
 * with a JSON patch. The k3s suite covers production settings.
 */
final class MockCluster implements AutoCloseable {

  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final int MAX_EDIT_ATTEMPTS = 10;
  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

  /** The User-Agent of the operator's clients, which tells their requests from the test's. */
  private static final String OPERATOR_AGENT = "agent-runtime-operator-under-test";

  final KubernetesMockServer server;
  final KubernetesClient client;
  volatile AgentRuntimeOperator operator;
  private final Setup setup;
  private final List<KubernetesClient> operatorClients = new CopyOnWriteArrayList<>();
  private final List<AgentRuntimeOperator> replicas = new CopyOnWriteArrayList<>();
  final ReconcileCounter reconciles = new ReconcileCounter();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MockClusterDispatcher dispatcher;
  private final Metrics metrics;

  /**
   * How soon the operator looks again for an add-on CRD it could not use: short, so that an add-on
   * installed while a test runs is picked up within it.
   */
  static final Duration ADD_ON_RECHECK = Duration.ofMillis(250);

  /**
   * How a cluster is started.
   *
   * @param settings the operator's settings
   * @param onLeadershipLost what losing the Lease does
   * @param addOns the add-ons whose CRDs are installed, and in which form
   * @param serverSideApply whether the operator runs with production settings, Server-Side Apply on
   *     ({@link MockClusterDispatcher} then accepts apply patches)
   * @param rbac the RBAC the operator runs under: requests it does not allow are refused with 403,
   *     as a real API server would, and JOSDK's rules review of the Lease's namespace is answered
   *     from it; null: everything is allowed, and the review lists the Lease verbs JOSDK asks for
   */
  record Setup(
      OperatorSettings settings,
      Runnable onLeadershipLost,
      Map<AddOn, CrdForm> addOns,
      boolean serverSideApply,
      ChartRbac rbac) {}

  /** How an installed add-on's CRDs stand. */
  enum CrdForm {
    /** Serving the version the operator writes, Established. */
    CURRENT,
    /** An older release: Established, serving only another version ({@link #OLDER_VERSION}). */
    OLDER_VERSION_ONLY,
    /** Serving the version, but not Established (yet). */
    NOT_ESTABLISHED
  }

  /** The version an older release of every add-on serves instead of the operator's. */
  static final String OLDER_VERSION = "v1beta1";

  /** {@code addOns} installed in their current form. */
  static Map<AddOn, CrdForm> current(AddOn... addOns) {
    var forms = new EnumMap<AddOn, CrdForm>(AddOn.class);
    for (var addOn : addOns) {
      forms.put(addOn, CrdForm.CURRENT);
    }
    return forms;
  }

  private MockCluster(Setup setup) {
    this.setup = setup;
    var settings = setup.settings();
    var addOns = setup.addOns();
    dispatcher = new MockClusterDispatcher(OPERATOR_AGENT, setup.rbac());
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    for (var kind : List.of(AgentRuntime.class, GovernancePolicy.class)) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .resource(CustomResourceDefinitionContext.v1CRDFromCustomResourceType(kind).build())
          .create();
    }
    addOns.forEach((addOn, form) -> kinds(addOn).forEach(kind -> install(crd(kind, form))));
    metrics =
        new AggregatedMetrics(
            List.of(reconciles, MicrometerMetrics.withoutPerResourceMetrics(registry)));
    operator = newOperator(settings, metrics, setup.onLeadershipLost());
  }

  private AgentRuntimeOperator newOperator(
      OperatorSettings settings, Metrics metrics, Runnable onLeadershipLost) {
    var operatorClient =
        server.createClient(
            builder -> builder.editOrNewConfig().withUserAgent(OPERATOR_AGENT).endConfig());
    operatorClients.add(operatorClient);
    boolean serverSideApply = setup.serverSideApply();
    return AgentRuntimeOperator.create(
        settings.withAddOnRecheckInterval(ADD_ON_RECHECK),
        operatorClient,
        metrics,
        onLeadershipLost,
        config ->
            config
                .withSSABasedCreateUpdateMatchForDependentResources(serverSideApply)
                .withUseSSAToPatchPrimaryResource(serverSideApply));
  }

  /**
   * Starts another replica of the operator against the same API server, with its own client; it is
   * stopped with the cluster.
   */
  AgentRuntimeOperator startReplica(OperatorSettings settings, Runnable onLeadershipLost) {
    var replica = newOperator(settings, Metrics.NOOP, onLeadershipLost);
    replicas.add(replica);
    replica.start();
    return replica;
  }

  /** Every request the operator's replicas sent so far, in order. */
  List<ApiRequest> operatorRequests() {
    return List.copyOf(dispatcher.operatorRequests);
  }

  /** Starts the mock server and the operator watching every namespace, without leader election. */
  static MockCluster start() {
    return watching(Set.of());
  }

  /** Starts the mock server and the operator watching {@code namespaces} (empty: all). */
  static MockCluster watching(Set<String> namespaces) {
    return start(
        new Setup(
            new OperatorSettings(namespaces, Optional.empty(), 0, SHUTDOWN_TIMEOUT),
            MockCluster::failOnLeadershipLost,
            Map.of(),
            false,
            null));
  }

  /** Starts the operator watching every namespace, reaching DynamoDB at {@code endpoint}. */
  static MockCluster withDynamoDb(URI endpoint) {
    return start(
        new Setup(
            new OperatorSettings(Set.of(), Optional.empty(), 0, SHUTDOWN_TIMEOUT)
                .withDynamoDbEndpoint(endpoint),
            MockCluster::failOnLeadershipLost,
            Map.of(),
            false,
            null));
  }

  /**
   * Starts, on a cluster with these add-ons' CRDs, the operator watching everything and reaching
   * SQS at {@code endpoint}.
   */
  static MockCluster withSqs(URI endpoint, AddOn... addOns) {
    return start(
        new Setup(
            new OperatorSettings(Set.of(), Optional.empty(), 0, SHUTDOWN_TIMEOUT)
                .withSqsEndpoint(endpoint),
            MockCluster::failOnLeadershipLost,
            current(addOns),
            false,
            null));
  }

  /** Starts, on a cluster where Istio's CRDs are installed, the operator watching everything. */
  static MockCluster withIstio() {
    return with(AddOn.ISTIO);
  }

  /** Starts, on a cluster with these add-ons' CRDs, the operator watching everything. */
  static MockCluster with(AddOn... addOns) {
    return with(current(addOns));
  }

  /** Starts, on a cluster with these add-ons' CRDs in these forms, the operator. */
  static MockCluster with(Map<AddOn, CrdForm> addOns) {
    return start(
        new Setup(
            new OperatorSettings(Set.of(), Optional.empty(), 0, SHUTDOWN_TIMEOUT),
            MockCluster::failOnLeadershipLost,
            addOns,
            false,
            null));
  }

  /**
   * Starts the mock server and the operator, competing for leadership as configured, under the
   * chart's default RBAC (JOSDK checks the Lease verbs at start).
   */
  static MockCluster leading(LeaderElectionSettings leaderElection, Runnable onLeadershipLost) {
    return start(
        new Setup(
            new OperatorSettings(Set.of(), Optional.of(leaderElection), 0, SHUTDOWN_TIMEOUT),
            onLeadershipLost,
            Map.of(),
            false,
            ChartRbac.withDefaults()));
  }

  /** Starts the mock server and the operator as {@code setup} says. */
  static MockCluster start(Setup setup) {
    var cluster = new MockCluster(setup);
    cluster.operator.start();
    return cluster;
  }

  /**
   * The settings of a replica watching {@code namespaces} (empty: all) and competing for the Lease
   * in the chart's release namespace as {@code identity}, exiting on loss.
   */
  static OperatorSettings electing(
      Set<String> namespaces, String identity, LeaderElectionSettings.Timing timing) {
    var election =
        new LeaderElectionSettings(
            LeaderElectionSettings.DEFAULT_LEASE_NAME,
            ChartRbac.RELEASE_NAMESPACE,
            identity,
            true,
            timing);
    return new OperatorSettings(namespaces, Optional.of(election), 0, SHUTDOWN_TIMEOUT);
  }

  /** The operator's settings without leader election, watching {@code namespaces}. */
  static OperatorSettings settings(Set<String> namespaces) {
    return new OperatorSettings(namespaces, Optional.empty(), 0, SHUTDOWN_TIMEOUT);
  }

  static void failOnLeadershipLost() {
    throw new AssertionError("leadership lost without leader election");
  }

  /** The kinds the operator applies whose CRDs {@code addOn} installs. */
  private static List<Class<? extends HasMetadata>> kinds(AddOn addOn) {
    return ManagedKind.of(addOn).stream()
        .<Class<? extends HasMetadata>>map(ManagedKind::type)
        .distinct()
        .toList();
  }

  /**
   * The CRD of {@code kind} in {@code form}, as far as the operator's CRD check and the CRUD mock
   * need: the CRUD mock serves every version of every path, so only the operator's own check keeps
   * it from a version the CRD does not serve.
   */
  private static CustomResourceDefinition crd(Class<? extends HasMetadata> kind, CrdForm form) {
    var version = form == CrdForm.OLDER_VERSION_ONLY ? OLDER_VERSION : HasMetadata.getVersion(kind);
    var crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName(HasMetadata.getFullResourceName(kind))
            .endMetadata()
            .withNewSpec()
            .withGroup(HasMetadata.getGroup(kind))
            .withScope(Namespaced.class.isAssignableFrom(kind) ? "Namespaced" : "Cluster")
            .withNewNames()
            .withKind(HasMetadata.getKind(kind))
            .withPlural(HasMetadata.getPlural(kind))
            .withSingular(HasMetadata.getSingular(kind))
            .endNames()
            .addNewVersion()
            .withName(version)
            .withServed(true)
            .withStorage(true)
            .endVersion()
            .endSpec();
    if (form != CrdForm.NOT_ESTABLISHED) {
      crd.withNewStatus()
          .addNewCondition()
          .withType("Established")
          .withStatus("True")
          .endCondition()
          .endStatus();
    }
    return crd.build();
  }

  private void install(CustomResourceDefinition crd) {
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
  }

  /** Creates {@code resource} as a user would with {@code kubectl apply}. */
  <T extends HasMetadata> T create(T resource) {
    return client.resource(resource).create();
  }

  /** The AgentRuntime as the API server holds it. */
  AgentRuntime get(String namespace, String name) {
    return client.resources(AgentRuntime.class).inNamespace(namespace).withName(name).get();
  }

  /**
   * Changes the spec as {@code kubectl edit} would, reading the latest version again when the
   * operator's status write won the race (409 Conflict).
   */
  AgentRuntime editSpec(String namespace, String name, Consumer<AgentRuntimeSpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        return client
            .resource(get(namespace, name))
            .edit(
                cr -> {
                  change.accept(cr.getSpec());
                  return cr;
                });
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_EDIT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The operator's Lease in the chart's release namespace, or null. */
  Lease lease() {
    return client
        .leases()
        .inNamespace(ChartRbac.RELEASE_NAMESPACE)
        .withName(LeaderElectionSettings.DEFAULT_LEASE_NAME)
        .get();
  }

  /** Plays the kubelet and the Deployment controller: reports pod counts on the Deployment. */
  void reportPods(String namespace, String name, int replicas, int ready) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .editStatus(
            deployment -> {
              deployment.setStatus(
                  new DeploymentStatusBuilder()
                      .withReplicas(replicas)
                      .withReadyReplicas(ready)
                      .withAvailableReplicas(ready)
                      .withUpdatedReplicas(replicas)
                      .build());
              return deployment;
            });
  }

  /**
   * Plays the Deployment controller noting a new observation that changes nothing the operator
   * reports: the Deployment changes, so the operator reconciles.
   */
  void touchDeploymentStatus(String namespace, String name) {
    client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .editStatus(
            deployment -> {
              var status =
                  Objects.requireNonNullElseGet(deployment.getStatus(), DeploymentStatus::new);
              deployment.setStatus(status);
              status.setObservedGeneration(
                  Objects.requireNonNullElse(status.getObservedGeneration(), 0L) + 1);
              return deployment;
            });
  }

  /**
   * Has the operator reconcile {@code name} (through a neutral change to its runtime Deployment's
   * status) once per {@link #ADD_ON_RECHECK} until {@code done}: after {@link #install}, the first
   * reconciliation that long after the operator last looked for the add-on finds it.
   */
  void reconcileUntil(String namespace, String name, BooleanSupplier done) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(ADD_ON_RECHECK)
        .until(
            () -> {
              touchDeploymentStatus(namespace, name);
              return done.getAsBoolean();
            });
  }

  /** Plays an API server refusing (403) creations under {@code pathPrefix}, as RBAC would. */
  void forbidCreating(String pathPrefix) {
    dispatcher.forbiddenPrefixes.add(pathPrefix);
  }

  /** Lifts every {@link #forbidCreating} refusal. */
  void allowCreatingEverything() {
    dispatcher.forbiddenPrefixes.clear();
  }

  /**
   * Takes the requests recorded since the last call and returns the writes among them, as {@code
   * METHOD path}.
   */
  List<String> takeWriteRequests() throws InterruptedException {
    return takeRequests().stream()
        .filter(request -> WRITE_METHODS.contains(request.substring(0, request.indexOf(' '))))
        .toList();
  }

  /** Takes the requests recorded since the last call, as {@code METHOD path}. */
  List<String> takeRequests() throws InterruptedException {
    var requests = new ArrayList<String>();
    for (var request = server.takeRequest(0, TimeUnit.MILLISECONDS);
        request != null;
        request = server.takeRequest(0, TimeUnit.MILLISECONDS)) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }

  /**
   * Installs an add-on's CRDs on the running cluster, as a later {@code helm install} would. The
   * operator uses them in the first reconciliation {@link #ADD_ON_RECHECK} after it last looked.
   */
  void install(AddOn addOn) {
    kinds(addOn).forEach(kind -> install(crd(kind, CrdForm.CURRENT)));
  }

  /**
   * Stops the operator and starts it again with the same settings, as a new pod would: it forgets
   * what it knew of the add-ons' CRDs.
   */
  void restartOperator() {
    operator.stop();
    operator = newOperator(setup.settings(), metrics, setup.onLeadershipLost());
    operator.start();
  }

  /** Stops the operators, then the clients and the server. */
  @Override
  public void close() {
    replicas.forEach(AgentRuntimeOperator::stop);
    operator.stop();
    operatorClients.forEach(KubernetesClient::close);
    client.close();
    server.destroy();
  }
}
