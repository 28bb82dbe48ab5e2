package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.MonitoringSpec;
import io.agentruntime.operator.helm.ApiRequest;
import io.agentruntime.operator.helm.ChartRbac;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * Every request the operator sends is one the Helm chart's RBAC allows, and the chart grants
 * nothing the operator does not send (or says why).
 *
 * <p>Two replicas run with production settings (Server-Side Apply on) against the mock API server
 * through one scenario touching every kind and every path that writes: leader election with
 * renewals, a hand-over and a release; every dependent of an AgentRuntime created, adopted after a
 * 409, switched (HPA to KEDA) and deleted, the workers of {@code async} among them; the GPU
 * NodePool's finalizer; an invalid spec's Event; a GovernancePolicy's finalizer; CRD lookups. The
 * mock records each request as RBAC sees it (verb, group, resource, subresource, namespace), and
 * each is checked against the Roles and ClusterRoles {@code helm template} renders, with the
 * chart's default values and with {@code watchNamespaces}. JOSDK's start-up check of the Lease
 * verbs is answered from the same rendered RBAC.
 */
class RbacConformanceTest {

  private static final String AGENTS = "agents";
  private static final String PAYMENTS = "payments";

  /**
   * Grants no request of the scenario uses, and why the chart keeps them: {@code verb
   * group/resource} to the reason.
   */
  private static final Map<String, String> KEPT_WITHOUT_A_REQUEST =
      Map.of(
          "update coordination.k8s.io/leases",
          "fabric8 renews and releases the Lease with a merge patch, but JOSDK 5.2.3 refuses to"
              + " start unless a SelfSubjectRulesReview lists get, create and update on Leases",
          "get agentruntime.io/agentruntimes",
          "JOSDK reads an AgentRuntime again when a finalizer patch conflicts (409 or 422)",
          "get agentruntime.io/governancepolicies",
          "JOSDK reads a GovernancePolicy again when a finalizer patch conflicts (409 or 422)");

  private static final LeaderElectionSettings.Timing FAST_LEASE =
      new LeaderElectionSettings.Timing(
          Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500));

  private static final String FULL =
      """
      mesh:
        allowedPrincipals: [cluster.local/ns/web/sa/frontend]
        authentication:
          issuer: https://auth.example.com/
          jwksUri: https://auth.example.com/.well-known/jwks.json
          audiences: [agent-runtime]
          groupsClaim: agent_groups
      failover: {regions: [us-east-1, us-west-2]}
      governance: {store: {dynamodb: {table: governance-policies, region: us-east-1}}}
      async: {queue: {url: "https://sqs.us-east-1.amazonaws.com/123456789012/full-dispatches"}}
      """
          + AgentRuntimes.INFERENCE_POOL;

  /** The store of {@link #FULL}'s policies, unreachable: the scenario needs no policy read. */
  private static final URI NO_DYNAMODB = URI.create("http://127.0.0.1:1");

  private static final String POOL = AgentRuntimes.INFERENCE_POOL;

  @Test
  void theDefaultChartAllowsEveryRequestAndGrantsNothingUnused() {
    var rbac = ChartRbac.withDefaults();

    var requests = runScenario(rbac, Set.of());

    assertConforms(rbac, requests);
  }

  @Test
  void theChartWatchingNamespacesAllowsEveryRequestAndGrantsNothingUnused() {
    var rbac = ChartRbac.watchingAgentsAndPayments();

    var requests = runScenario(rbac, Set.of(AGENTS, PAYMENTS));

    assertConforms(rbac, requests);
  }

  private static void assertConforms(ChartRbac rbac, List<ApiRequest> requests) {
    var refused = new TreeSet<String>();
    requests.stream()
        .filter(request -> !rbac.allows(request))
        .forEach(r -> refused.add(r.toString()));
    assertThat(refused)
        .as("requests the operator sent that the chart's RBAC does not allow")
        .isEmpty();

    // A Role rendered once per watched namespace is one grant: used if used in any of them.
    var unused = new TreeMap<String, String>();
    for (var grant : rbac.grants()) {
      for (var group : grant.rule().apiGroups()) {
        for (var resource : grant.rule().resources()) {
          for (var verb : grant.rule().verbs()) {
            var key = verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
            boolean used =
                requests.stream()
                    .filter(request -> request.isResourceRequest() && request.verb().equals(verb))
                    .filter(request -> request.group().equals(group))
                    .filter(request -> request.resourceWithSubresource().equals(resource))
                    .flatMap(request -> rbac.grantsAllowing(request).stream())
                    .anyMatch(
                        allowing ->
                            allowing.role().equals(grant.role())
                                && allowing.rule().equals(grant.rule()));
            if (!used && !KEPT_WITHOUT_A_REQUEST.containsKey(key)) {
              unused.put(key, grant.role());
            }
          }
        }
      }
    }
    assertThat(unused)
        .as("grants no request of the operator used (verb group/resource: role)")
        .isEmpty();
  }

  /**
   * Runs the scenario under {@code rbac}, the operator watching {@code namespaces} (empty: all).
   */
  private static List<ApiRequest> runScenario(ChartRbac rbac, Set<String> namespaces) {
    var losses = new ArrayList<String>();
    var first = settings(namespaces, "operator-0");
    try (var cluster =
        MockCluster.start(
            new MockCluster.Setup(
                first,
                () -> losses.add("operator-0"),
                MockCluster.current(AddOn.ISTIO, AddOn.KARPENTER, AddOn.PROMETHEUS_OPERATOR),
                true,
                rbac))) {
      awaitHolder(cluster, "operator-0");
      var standby =
          cluster.startReplica(settings(namespaces, "operator-1"), () -> losses.add("operator-1"));
      awaitRenewals(cluster, 2);

      runtimeLifecycle(cluster);
      poolDeletedWithItsAgentRuntime(cluster);

      cluster.operator.stop();
      awaitHolder(cluster, "operator-1");
      cluster.create(AgentRuntimes.valid(AGENTS, "after-hand-over"));
      eventually().until(() -> get(cluster, Deployment.class, AGENTS, "after-hand-over") != null);
      standby.stop();

      assertThat(losses).as("replicas that lost the Lease").isEmpty();
      return cluster.operatorRequests();
    }
  }

  private static void runtimeLifecycle(MockCluster cluster) {
    // A Service of the same name made by hand: the operator adopts it after a 409.
    cluster.client.resource(ManagedObjects.handMadeService(AGENTS, "full")).create();
    cluster
        .client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("full-config")
                .withNamespace(AGENTS)
                .endMetadata()
                .build())
        .create();
    cluster.create(AgentRuntimes.valid(AGENTS, "full", FULL));
    cluster.create(
        GovernancePolicies.of(AGENTS, "policy", "full", "permit(principal, action, resource);"));
    var broken = AgentRuntimes.valid(AGENTS, "broken");
    broken.getSpec().setImage("ghcr.io/agentruntime/runtime 0.2.0");
    cluster.create(broken);
    eventually().until(() -> get(cluster, NodePool.class, null, nodePool("full")) != null);
    eventually().until(() -> get(cluster, AuthorizationPolicy.class, AGENTS, "full") != null);
    eventually().until(() -> get(cluster, RequestAuthentication.class, AGENTS, "full") != null);
    eventually().until(() -> get(cluster, NetworkPolicy.class, AGENTS, "full-inference") != null);
    eventually()
        .until(() -> get(cluster, AuthorizationPolicy.class, AGENTS, "full-inference") != null);
    eventually()
        .until(() -> get(cluster, HorizontalPodAutoscaler.class, AGENTS, "full-inference") != null);
    eventually()
        .until(() -> get(cluster, HorizontalPodAutoscaler.class, AGENTS, "full-worker") != null);
    eventually().until(() -> get(cluster, ServiceMonitor.class, AGENTS, "full") != null);
    eventually().until(() -> adopted(get(cluster, Service.class, AGENTS, "full")));
    eventually().until(() -> adopted(get(cluster, ConfigMap.class, AGENTS, "full-config")));
    eventually().until(() -> !events(cluster, "broken").isEmpty());
    eventually()
        .until(
            () ->
                !get(cluster, GovernancePolicy.class, AGENTS, "policy").getFinalizers().isEmpty());

    cluster.install(AddOn.KEDA);
    cluster.reconcileUntil(
        AGENTS, "full", () -> get(cluster, ScaledObject.class, AGENTS, "full-inference") != null);
    cluster.reconcileUntil(
        AGENTS, "full", () -> get(cluster, ScaledObject.class, AGENTS, "full-worker") != null);
    eventually()
        .until(() -> get(cluster, TriggerAuthentication.class, AGENTS, "full-worker") != null);

    cluster.editSpec(
        AGENTS,
        "full",
        spec -> {
          spec.setMesh(null);
          spec.setFailover(null);
          spec.setInference(null);
          spec.setAsync(null);
          var monitoring = new MonitoringSpec();
          monitoring.setServiceMonitor(false);
          monitoring.setAlerts(false);
          spec.setMonitoring(monitoring);
        });
    eventually().until(() -> get(cluster, DestinationRule.class, AGENTS, "full") == null);
    eventually().until(() -> get(cluster, RequestAuthentication.class, AGENTS, "full") == null);
    eventually().until(() -> get(cluster, NetworkPolicy.class, AGENTS, "full-inference") == null);
    eventually()
        .until(() -> get(cluster, AuthorizationPolicy.class, AGENTS, "full-inference") == null);
    eventually().until(() -> get(cluster, PrometheusRule.class, AGENTS, "full") == null);
    eventually().until(() -> get(cluster, NodePool.class, null, nodePool("full")) == null);
    eventually().until(() -> get(cluster, ScaledObject.class, AGENTS, "full-inference") == null);
    eventually().until(() -> get(cluster, ScaledObject.class, AGENTS, "full-worker") == null);
    eventually()
        .until(() -> get(cluster, TriggerAuthentication.class, AGENTS, "full-worker") == null);
    eventually().until(() -> get(cluster, ServiceAccount.class, AGENTS, "full-worker") == null);
    eventually().until(() -> cluster.get(AGENTS, "full").getFinalizers().isEmpty());

    cluster.client.resource(get(cluster, GovernancePolicy.class, AGENTS, "policy")).delete();
    eventually().until(() -> get(cluster, GovernancePolicy.class, AGENTS, "policy") == null);
  }

  private static void poolDeletedWithItsAgentRuntime(MockCluster cluster) {
    cluster.create(AgentRuntimes.valid(PAYMENTS, "pool", POOL));
    eventually()
        .until(() -> get(cluster, NodePool.class, null, nodePool(PAYMENTS, "pool")) != null);
    eventually().until(() -> !cluster.get(PAYMENTS, "pool").getFinalizers().isEmpty());

    cluster.client.resource(cluster.get(PAYMENTS, "pool")).delete();

    eventually()
        .until(() -> get(cluster, NodePool.class, null, nodePool(PAYMENTS, "pool")) == null);
    eventually().until(() -> cluster.get(PAYMENTS, "pool") == null);
  }

  private static OperatorSettings settings(Set<String> namespaces, String identity) {
    return MockCluster.electing(namespaces, identity, FAST_LEASE).withDynamoDbEndpoint(NO_DYNAMODB);
  }

  private static void awaitHolder(MockCluster cluster, String identity) {
    eventually()
        .until(
            () -> Optional.ofNullable(cluster.lease()).map(l -> l.getSpec().getHolderIdentity()),
            holder -> holder.filter(identity::equals).isPresent());
  }

  /** Waits until the leader has renewed its Lease {@code count} more times. */
  private static void awaitRenewals(MockCluster cluster, int count) {
    var renewals = new LinkedHashSet<Object>();
    eventually()
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              renewals.add(cluster.lease().getSpec().getRenewTime());
              return renewals.size() > count;
            });
  }

  private static boolean adopted(HasMetadata object) {
    return object != null
        && object.getMetadata().getLabels() != null
        && !object.getMetadata().getOwnerReferences().isEmpty();
  }

  private static List<Event> events(MockCluster cluster, String name) {
    return cluster.client.v1().events().inNamespace(AGENTS).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .toList();
  }

  private static String nodePool(String name) {
    return nodePool(AGENTS, name);
  }

  private static String nodePool(String namespace, String name) {
    return ResourceNames.gpuNodePool(AgentRuntimes.valid(namespace, name));
  }

  private static <T extends HasMetadata> T get(
      MockCluster cluster, Class<T> type, String namespace, String name) {
    var resources = cluster.client.resources(type);
    return Objects.isNull(namespace)
        ? resources.withName(name).get()
        : resources.inNamespace(namespace).withName(name).get();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50));
  }
}
