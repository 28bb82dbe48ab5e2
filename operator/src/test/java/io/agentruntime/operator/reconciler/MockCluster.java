package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.dependent.CrdInstalled;
import io.agentruntime.operator.runner.AgentRuntimeOperator;
import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

  final KubernetesMockServer server;
  final KubernetesClient client;
  final AgentRuntimeOperator operator;
  final ReconcileCounter reconciles = new ReconcileCounter();
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MockClusterDispatcher dispatcher = new MockClusterDispatcher();

  /** The Istio kinds the operator applies, whose CRDs an Istio installation provides. */
  private static final List<Class<? extends HasMetadata>> ISTIO_KINDS =
      List.of(
          DestinationRule.class,
          VirtualService.class,
          PeerAuthentication.class,
          AuthorizationPolicy.class);

  /** Optional add-ons whose CRDs a cluster may have installed. */
  enum AddOn {
    ISTIO,
    KARPENTER,
    KEDA,
    PROMETHEUS_OPERATOR
  }

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

  private MockCluster(
      OperatorSettings settings, Runnable onLeadershipLost, Map<AddOn, CrdForm> addOns) {
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
    // The operator remembers per process whether a CRD exists; each cluster starts from what it
    // holds.
    CrdInstalled.forgetLookups();
    Metrics metrics =
        new AggregatedMetrics(
            List.of(reconciles, MicrometerMetrics.withoutPerResourceMetrics(registry)));
    operator =
        AgentRuntimeOperator.create(
            settings,
            client,
            metrics,
            onLeadershipLost,
            config ->
                config
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withUseSSAToPatchPrimaryResource(false));
  }

  /** Starts the mock server and the operator watching every namespace, without leader election. */
  static MockCluster start() {
    return watching(Set.of());
  }

  /** Starts the mock server and the operator watching {@code namespaces} (empty: all). */
  static MockCluster watching(Set<String> namespaces) {
    return start(
        new OperatorSettings(namespaces, Optional.empty(), 0, SHUTDOWN_TIMEOUT),
        MockCluster::failOnLeadershipLost,
        Map.of());
  }

  /** Starts the operator watching every namespace, reaching DynamoDB at {@code endpoint}. */
  static MockCluster withDynamoDb(URI endpoint) {
    return start(
        new OperatorSettings(Set.of(), Optional.empty(), 0, SHUTDOWN_TIMEOUT)
            .withDynamoDbEndpoint(endpoint),
        MockCluster::failOnLeadershipLost,
        Map.of());
  }

  /** Starts, on a cluster where Istio's CRDs are installed, the operator watching everything. */
  static MockCluster withIstio() {
    return with(AddOn.ISTIO);
  }

  /** Starts, on a cluster with these add-ons' CRDs, the operator watching everything. */
  static MockCluster with(AddOn... addOns) {
    var forms = new EnumMap<AddOn, CrdForm>(AddOn.class);
    for (var addOn : addOns) {
      forms.put(addOn, CrdForm.CURRENT);
    }
    return with(forms);
  }

  /** Starts, on a cluster with these add-ons' CRDs in these forms, the operator. */
  static MockCluster with(Map<AddOn, CrdForm> addOns) {
    return start(
        new OperatorSettings(Set.of(), Optional.empty(), 0, SHUTDOWN_TIMEOUT),
        MockCluster::failOnLeadershipLost,
        addOns);
  }

  /** Starts the mock server and the operator, competing for leadership as configured. */
  static MockCluster leading(LeaderElectionSettings leaderElection, Runnable onLeadershipLost) {
    return start(
        new OperatorSettings(Set.of(), Optional.of(leaderElection), 0, SHUTDOWN_TIMEOUT),
        onLeadershipLost,
        Map.of());
  }

  private static MockCluster start(
      OperatorSettings settings, Runnable onLeadershipLost, Map<AddOn, CrdForm> addOns) {
    var cluster = new MockCluster(settings, onLeadershipLost, addOns);
    cluster.operator.start();
    return cluster;
  }

  private static void failOnLeadershipLost() {
    throw new AssertionError("leadership lost without leader election");
  }

  /** The kinds the operator applies whose CRDs {@code addOn} installs. */
  private static List<Class<? extends HasMetadata>> kinds(AddOn addOn) {
    return switch (addOn) {
      case ISTIO -> ISTIO_KINDS;
      case KARPENTER -> List.of(NodePool.class);
      case KEDA -> List.of(ScaledObject.class);
      case PROMETHEUS_OPERATOR -> List.of(ServiceMonitor.class, PrometheusRule.class);
    };
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
              var status = deployment.getStatus();
              status.setObservedGeneration(
                  Objects.requireNonNullElse(status.getObservedGeneration(), 0L) + 1);
              return deployment;
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

  /** Stops the operator, then the client and the server. */
  @Override
  public void close() {
    operator.stop();
    client.close();
    server.destroy();
  }

  /**
   * The CRUD dispatcher, also answering JOSDK's startup check that the operator may use Leases (a
   * SelfSubjectRulesReview, which the CRUD mock cannot evaluate) and refusing creations a test
   * forbids.
   */
  private static final class MockClusterDispatcher extends KubernetesCrudDispatcher {

    private static final String RULES_REVIEWS =
        "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    final Set<String> forbiddenPrefixes = ConcurrentHashMap.newKeySet();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!"POST".equals(request.getMethod())) {
        return super.dispatch(request);
      }
      if (RULES_REVIEWS.equals(request.getPath())) {
        return json(201, leaseRules());
      }
      if (forbiddenPrefixes.stream().anyMatch(request.getPath()::startsWith)) {
        return json(
            403,
            new StatusBuilder()
                .withStatus("Failure")
                .withReason("Forbidden")
                .withCode(403)
                .withMessage("creating " + request.getPath() + " is forbidden")
                .build());
      }
      return super.dispatch(request);
    }

    private static SelfSubjectRulesReview leaseRules() {
      return new SelfSubjectRulesReviewBuilder()
          .withNewStatus()
          .addNewResourceRule()
          .withApiGroups("coordination.k8s.io")
          .withResources("leases")
          .withVerbs("get", "create", "update")
          .endResourceRule()
          .withIncomplete(false)
          .endStatus()
          .build();
    }

    private static MockResponse json(int code, Object body) {
      return new MockResponse()
          .setResponseCode(code)
          .setHeader("Content-Type", "application/json")
          .setBody(JSON.asJson(body));
    }
  }
}
