package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.CircuitBreakerSpec;
import io.agentruntime.operator.api.v1alpha1.MeshAuthenticationSpec;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.RuntimeDestinationRuleRenderer;
import io.fabric8.istio.api.api.networking.v1alpha3.LocalityLoadBalancerSettingFailover;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Istio objects against fabric8's mock API server (CRUD mode) where Istio's CRDs are installed:
 * applied with the runtime, kept in line with the spec, reported in {@code MeshConfigured}. Where
 * Istio is missing: {@link AgentRuntimeReconcilerTest}.
 */
class AgentRuntimeMeshTest {

  private static final String NAMESPACE = "mesh";

  private static final String MESH =
      """
      mesh:
        mtls: STRICT
        allowedPrincipals: [cluster.local/ns/web/sa/frontend]
      """;

  private static MockCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = MockCluster.withIstio();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void appliesTheIstioObjectsOwnedByTheAgentRuntime() {
    var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "mesh", MESH));

    var objects = eventually().until(() -> istioObjects("mesh"), found -> found.size() == 4);

    for (HasMetadata object : objects) {
      ManagedObjects.assertManagedAndOwnedBy(object, cr);
    }
    var mesh = awaitMeshConfigured("mesh", "True");
    assertThat(mesh.getReason()).isEqualTo("MeshApplied");
    assertThat(mesh.getMessage())
        .contains("DestinationRule", "VirtualService", "PeerAuthentication", "AuthorizationPolicy")
        .doesNotContain("warning");
    assertThat(get(Deployment.class, "mesh")).as("the runtime itself is applied").isNotNull();
  }

  /**
   * The RequestAuthentication and the runtime's configuration name the groups header together: the
   * runtime reads groups from it only while the mesh writes it from a verified token.
   */
  @Test
  void authenticationBringsTheRequestAuthenticationAndTheGroupsHeaderAndTakesThemAway() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "jwt", MESH));
    awaitMeshConfigured("jwt", "True");
    assertThat(runtimeConfig("jwt")).doesNotContain("groupsHeader");

    cluster.editSpec(NAMESPACE, "jwt", spec -> spec.getMesh().setAuthentication(authentication()));

    var verified =
        eventually().until(() -> get(RequestAuthentication.class, "jwt"), Objects::nonNull);
    assertThat(verified.getSpec().getJwtRules().getFirst().getOutputClaimToHeaders())
        .extracting(header -> header.getClaim() + "->" + header.getHeader())
        .containsExactly("sub->x-agent-principal", "agent_groups->x-agent-groups");
    eventually().until(() -> runtimeConfig("jwt").contains("groupsHeader: x-agent-groups"));
    eventually()
        .until(
            () ->
                get(AuthorizationPolicy.class, "jwt")
                    .getSpec()
                    .getRules()
                    .getFirst()
                    .getFrom()
                    .getFirst()
                    .getSource()
                    .getRequestPrincipals(),
            principals -> principals.equals(List.of("https://auth.example.com//*")));
    assertThat(awaitMeshConfigured("jwt", "True").getMessage()).contains("RequestAuthentication");

    cluster.editSpec(NAMESPACE, "jwt", spec -> spec.getMesh().setAuthentication(null));

    eventually().until(() -> get(RequestAuthentication.class, "jwt") == null);
    eventually().until(() -> !runtimeConfig("jwt").contains("groupsHeader"));
  }

  @Test
  void appliesCircuitBreakerChangesToTheDestinationRule() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "breaker", MESH));
    awaitMeshConfigured("breaker", "True");

    var updated =
        cluster.editSpec(
            NAMESPACE, "breaker", spec -> spec.getMesh().setCircuitBreaker(breaker(7, 400)));

    eventually()
        .untilAsserted(
            () -> {
              var applied = get(DestinationRule.class, "breaker").getSpec().getTrafficPolicy();
              assertThat(applied.getOutlierDetection().getConsecutiveLocalOriginFailures())
                  .isEqualTo(7);
              assertThat(applied.getConnectionPool().getTcp().getMaxConnections()).isEqualTo(400);
              assertThat(applied)
                  .isEqualTo(
                      AgentRuntimeFixtures.rendered(updated, RuntimeDestinationRuleRenderer::render)
                          .getSpec()
                          .getTrafficPolicy());
            });
  }

  @Test
  void failsOverAcrossThreeRegionsInTheListedOrder() {
    cluster.create(
        AgentRuntimes.valid(
            NAMESPACE, "regions", "failover: {regions: [us-east-1, us-west-2, eu-west-1]}"));

    var policy =
        eventually()
            .until(
                () -> Optional.ofNullable(get(DestinationRule.class, "regions")),
                Optional::isPresent)
            .orElseThrow()
            .getSpec()
            .getTrafficPolicy();

    assertThat(policy.getLoadBalancer().getLocalityLbSetting().getEnabled()).isTrue();
    assertThat(policy.getLoadBalancer().getLocalityLbSetting().getFailover())
        .containsExactly(
            new LocalityLoadBalancerSettingFailover("us-east-1", "us-west-2"),
            new LocalityLoadBalancerSettingFailover("us-west-2", "eu-west-1"),
            new LocalityLoadBalancerSettingFailover("eu-west-1", "us-east-1"));
    assertThat(policy.getOutlierDetection())
        .as("Istio ignores locality failover without outlier detection")
        .isNotNull();
    assertThat(awaitMeshConfigured("regions", "True").getMessage())
        .as("no allowed principals: no AuthorizationPolicy")
        .doesNotContain("AuthorizationPolicy");
    assertThat(get(AuthorizationPolicy.class, "regions")).isNull();
  }

  @Test
  void warnsWhenRetriesMayRepeatProcessedRequests() {
    cluster.create(
        AgentRuntimes.valid(
            NAMESPACE,
            "retries",
            "mesh: {retries: {attempts: 2, perTryTimeout: 5s, retryOn: \"connect-failure,5xx\"}}"));

    var mesh = awaitMeshConfigured("retries", "True");

    assertThat(mesh.getMessage()).contains("warning", "5xx", "Idempotency-Key");
    assertThat(get(VirtualService.class, "retries").getSpec().getHttp().getFirst().getRetries())
        .satisfies(retries -> assertThat(retries.getRetryOn()).isEqualTo("connect-failure,5xx"));
  }

  @Test
  void deletesTheIstioObjectsWhenTheSpecNoLongerAsksForThem() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "leaving", MESH));
    eventually().until(() -> istioObjects("leaving"), found -> found.size() == 4);

    cluster.editSpec(NAMESPACE, "leaving", spec -> spec.setMesh(null));

    eventually().until(() -> istioObjects("leaving"), List::isEmpty);
    eventually()
        .until(
            () -> condition(cluster.get(NAMESPACE, "leaving").getStatus(), "MeshConfigured"),
            Optional::isEmpty);
    assertThat(get(Deployment.class, "leaving")).isNotNull();
  }

  @Test
  void resyncWithoutChangesWritesNothing() throws InterruptedException {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "steady", MESH));
    eventually().until(() -> istioObjects("steady"), found -> found.size() == 4);
    awaitMeshConfigured("steady", "True");
    cluster.reportPods(NAMESPACE, "steady", 2, 2);
    eventually()
        .until(
            () -> cluster.get(NAMESPACE, "steady").getStatus().getReadyReplicas(),
            ready -> ready != null && ready == 2);
    var configured = awaitMeshConfigured("steady", "True");
    assertThat(cluster.takeWriteRequests()).as("writes are recorded").isNotEmpty();

    int reconciled = cluster.reconciles.of("steady");
    cluster.touchDeploymentStatus(NAMESPACE, "steady");
    eventually().until(() -> cluster.reconciles.of("steady") > reconciled);

    assertThat(cluster.takeWriteRequests())
        .as("writes besides the test's own Deployment status update")
        .filteredOn(write -> !write.endsWith("/deployments/steady/status"))
        .isEmpty();
    assertThat(awaitMeshConfigured("steady", "True").getLastTransitionTime())
        .isEqualTo(configured.getLastTransitionTime());
  }

  private static MeshAuthenticationSpec authentication() {
    var authentication = new MeshAuthenticationSpec();
    authentication.setIssuer("https://auth.example.com/");
    authentication.setJwksUri("https://auth.example.com/.well-known/jwks.json");
    authentication.setAudiences(List.of("agent-runtime"));
    authentication.setGroupsClaim("agent_groups");
    return authentication;
  }

  private static String runtimeConfig(String name) {
    return get(ConfigMap.class, name + "-config").getData().get("runtime.yaml");
  }

  private static CircuitBreakerSpec breaker(int localOriginFailures, int maxConnections) {
    var breaker = new CircuitBreakerSpec();
    breaker.setConsecutiveLocalOriginFailures(localOriginFailures);
    breaker.setMaxConnections(maxConnections);
    return breaker;
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }

  private static Condition awaitMeshConfigured(String name, String status) {
    return eventually()
        .until(
            () -> condition(cluster.get(NAMESPACE, name).getStatus(), "MeshConfigured"),
            found -> found.map(Condition::getStatus).filter(status::equals).isPresent())
        .orElseThrow();
  }

  private static Optional<Condition> condition(AgentRuntimeStatus status, String type) {
    return Optional.ofNullable(status)
        .map(AgentRuntimeStatus::getConditions)
        .flatMap(
            conditions -> conditions.stream().filter(c -> type.equals(c.getType())).findFirst());
  }

  private static List<HasMetadata> istioObjects(String name) {
    return Stream.<HasMetadata>of(
            get(DestinationRule.class, name),
            get(VirtualService.class, name),
            get(PeerAuthentication.class, name),
            get(AuthorizationPolicy.class, name))
        .filter(Objects::nonNull)
        .toList();
  }

  private static <T extends HasMetadata> T get(Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }
}
