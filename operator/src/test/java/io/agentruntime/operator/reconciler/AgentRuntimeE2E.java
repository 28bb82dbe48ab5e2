package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.crd.CrdFiles;
import io.agentruntime.operator.helm.ChartAdmissionPolicy;
import io.agentruntime.operator.helm.ChartRbac;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.InferenceNetworkPolicyRenderer;
import io.agentruntime.operator.render.Labels;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.render.RuntimeDeploymentRenderer;
import io.agentruntime.operator.runner.AgentRuntimeOperator;
import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The operator against a real API server (k3s) with production settings: Server-Side Apply for
 * managed objects and the status, the CRD from {@code crds/}, Kubernetes' garbage collector, and
 * the permissions the Helm chart grants: the operator's client impersonates the chart's
 * ServiceAccount, bound to the chart's Roles and ClusterRole, and competes for the Lease. Skipped
 * where Docker is absent; the image can be changed with {@code -Dk3s.image=...}.
 *
 * <p>No runtime image runs here, so pods never become ready: readiness is covered against the mock
 * API server, where the test reports pod status itself.
 *
 * <p>What only a real API server does is checked here too: the CRD's CEL rules and list types
 * refusing an invalid AgentRuntime at admission, server-side apply merging {@code spec.intents}
 * item by item between two field managers, the model servers' NetworkPolicy and non-root pod
 * admitted as rendered, and the chart's ValidatingAdmissionPolicy refusing a disallowed image.
 */
@Testcontainers(disabledWithoutDocker = true)
class AgentRuntimeE2E {

  private static final String NAMESPACE = "agents";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final int UNPROCESSABLE_ENTITY = 422;
  private static final int FORBIDDEN = 403;

  @Container
  private static final K3sContainer K3S =
      new K3sContainer(
          DockerImageName.parse(System.getProperty("k3s.image", "rancher/k3s:v1.31.4-k3s1")));

  private static final String IDENTITY = "e2e-operator";

  /** Short enough for several renewals within a test, long enough for a busy machine. */
  private static final LeaderElectionSettings.Timing LEASE =
      new LeaderElectionSettings.Timing(
          Duration.ofSeconds(6), Duration.ofSeconds(4), Duration.ofSeconds(1));

  private static final AtomicInteger LEADERSHIP_LOSSES = new AtomicInteger();

  private static KubernetesClient client;
  private static KubernetesClient operatorClient;
  private static AgentRuntimeOperator operator;

  @BeforeAll
  static void startOperator() throws IOException {
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
            .build();
    for (var file : CrdFiles.committed()) {
      try (var crd = Files.newInputStream(file)) {
        client.load(crd).serverSideApply();
      }
    }
    for (var namespace : List.of(NAMESPACE, ChartRbac.RELEASE_NAMESPACE)) {
      client
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .serverSideApply();
    }
    for (var object : ChartRbac.defaultAccessObjects()) {
      client.resource(SERIALIZATION.unmarshal(object, HasMetadata.class)).serverSideApply();
    }
    operatorClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(Config.fromKubeconfig(K3S.getKubeConfigYaml()))
                    .withImpersonateUsername(ChartRbac.defaultServiceAccountUser())
                    .build())
            .build();
    var election =
        new LeaderElectionSettings(
            LeaderElectionSettings.DEFAULT_LEASE_NAME,
            ChartRbac.RELEASE_NAMESPACE,
            IDENTITY,
            true,
            LEASE);
    operator =
        AgentRuntimeOperator.create(
            new OperatorSettings(Set.of(), Optional.of(election), 0, Duration.ofSeconds(10)),
            operatorClient,
            Metrics.NOOP,
            LEADERSHIP_LOSSES::incrementAndGet,
            config -> {});
    operator.start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
    if (operatorClient != null) {
      operatorClient.close();
    }
    if (client != null) {
      client.close();
    }
  }

  /**
   * Under the chart's Role the leader keeps its Lease past several renew deadlines: fabric8 renews
   * with a patch, refused (403) where the Role does not grant it.
   */
  @Test
  void keepsItsLeasePastSeveralRenewalsUnderTheChartsRbac() {
    var acquired =
        eventually()
            .until(AgentRuntimeE2E::lease, lease -> IDENTITY.equals(holder(lease)))
            .getSpec()
            .getAcquireTime();

    eventually()
        .untilAsserted(
            () -> {
              var lease = lease().getSpec();
              assertThat(lease.getHolderIdentity()).isEqualTo(IDENTITY);
              assertThat(lease.getAcquireTime()).isEqualTo(acquired);
              assertThat(Duration.between(acquired, lease.getRenewTime()))
                  .isGreaterThan(LEASE.renewDeadline().multipliedBy(3));
            });
    assertThat(LEADERSHIP_LOSSES).hasValue(0);
  }

  /**
   * A Service of the runtime's name made by hand, without the operator's labels, is taken over with
   * Server-Side Apply: labels and owner reference restored, the operator's fields applied, a
   * Warning Event posted.
   */
  @Test
  void adoptsAServiceMadeByHand() {
    client.resource(ManagedObjects.handMadeService(NAMESPACE, "adopted")).create();

    var cr = client.resource(AgentRuntimes.valid(NAMESPACE, "adopted")).create();

    var service =
        eventually()
            .until(
                () -> get(Service.class, "adopted"),
                s -> s.getMetadata().getLabels().containsKey(Labels.MANAGED_BY));
    ManagedObjects.assertManagedAndOwnedBy(service, cr);
    assertThat(service.getSpec().getPorts())
        .anySatisfy(port -> assertThat(port.getPort()).isEqualTo(ResourceNames.RUNTIME_PORT));
    assertThat(service.getMetadata().getManagedFields())
        .anySatisfy(
            fields -> {
              assertThat(fields.getManager()).isEqualTo(Labels.OPERATOR_NAME);
              assertThat(fields.getOperation()).isEqualTo("Apply");
            });
    eventually()
        .until(
            () ->
                client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
                    .anyMatch(
                        event ->
                            "AdoptedExisting".equals(event.getReason())
                                && "adopted".equals(event.getInvolvedObject().getName())));
  }

  /**
   * Server-Side Apply merges lists by key: an environment variable another manager applied to the
   * runtime's container survives the operator's next apply of the Deployment (a new image), and the
   * operator's fields stay the operator's.
   */
  @Test
  void keepsAnotherManagersEnvironmentVariableWhenItAppliesTheDeployment() {
    client.resource(AgentRuntimes.valid(NAMESPACE, "shared")).create();
    eventually().until(() -> get(Deployment.class, "shared"), d -> d != null);
    var debugging =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName("shared")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName(RuntimeDeploymentRenderer.CONTAINER_NAME)
            .addNewEnv()
            .withName("E2E_DEBUG")
            .withValue("1")
            .endEnv()
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    client.resource(debugging).fieldManager("e2e-debugging").serverSideApply();

    client
        .resources(AgentRuntime.class)
        .inNamespace(NAMESPACE)
        .withName("shared")
        .edit(
            cr -> {
              cr.getSpec().setImage("ghcr.io/agentruntime/runtime:0.1.1");
              return cr;
            });
    var container =
        eventually()
            .until(
                () -> runtimeContainer(get(Deployment.class, "shared")),
                c -> c.getImage().endsWith(":0.1.1"));

    assertThat(container.getEnv()).extracting(EnvVar::getName).contains("E2E_DEBUG");
    assertThat(get(Deployment.class, "shared").getMetadata().getManagedFields())
        .filteredOn(fields -> Labels.OPERATOR_NAME.equals(fields.getManager()))
        .singleElement()
        .satisfies(
            fields ->
                assertThat(SERIALIZATION.asJson(fields.getFieldsV1()))
                    .as("the fields the operator owns")
                    .contains("f:image")
                    .doesNotContain("E2E_DEBUG"));
  }

  private static io.fabric8.kubernetes.api.model.Container runtimeContainer(Deployment deployment) {
    return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
        .filter(c -> RuntimeDeploymentRenderer.CONTAINER_NAME.equals(c.getName()))
        .findFirst()
        .orElseThrow();
  }

  private static Lease lease() {
    return client
        .leases()
        .inNamespace(ChartRbac.RELEASE_NAMESPACE)
        .withName(LeaderElectionSettings.DEFAULT_LEASE_NAME)
        .get();
  }

  private static String holder(Lease lease) {
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  @Test
  void appliesTheRuntimeObjectsWithServerSideApplyAndReportsProgress() {
    var cr = client.resource(AgentRuntimes.valid(NAMESPACE, "e2e")).create();

    var deployment = eventually().until(() -> get(Deployment.class, "e2e"), d -> d != null);
    eventually().until(() -> get(ConfigMap.class, "e2e-config"), c -> c != null);
    eventually().until(() -> get(HorizontalPodAutoscaler.class, "e2e"), h -> h != null);

    assertThat(deployment.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getUid()).isEqualTo(cr.getMetadata().getUid()));
    assertThat(deployment.getMetadata().getManagedFields())
        .as("applied with Server-Side Apply")
        .anySatisfy(fields -> assertThat(fields.getOperation()).isEqualTo("Apply"));
    var status = awaitPhase("e2e", AgentRuntimePhase.PROGRESSING);
    assertThat(status.getEndpoint()).isEqualTo("http://e2e.agents.svc.cluster.local:8080/dispatch");
  }

  @Test
  void restoresAServiceEditedByHand() {
    client.resource(AgentRuntimes.valid(NAMESPACE, "drift")).create();
    var service = eventually().until(() -> get(Service.class, "drift"), s -> s != null);

    client
        .resource(service)
        .edit(
            edited -> {
              edited.getSpec().getPorts().getFirst().setPort(9090);
              return edited;
            });

    eventually()
        .until(
            () -> get(Service.class, "drift").getSpec().getPorts().getFirst().getPort(),
            port -> port == ResourceNames.RUNTIME_PORT);
  }

  @Test
  void anInvalidSpecLeavesTheAppliedObjectsUntouched() {
    client.resource(AgentRuntimes.valid(NAMESPACE, "invalid")).create();
    awaitPhase("invalid", AgentRuntimePhase.PROGRESSING);
    var before = get(ConfigMap.class, "invalid-config").getMetadata().getResourceVersion();

    client
        .resources(AgentRuntime.class)
        .inNamespace(NAMESPACE)
        .withName("invalid")
        .edit(
            cr -> {
              // Passes the CRD schema, fails validation.
              cr.getSpec().setImage("ghcr.io/agentruntime/runtime 0.2.0");
              return cr;
            });
    var status = awaitPhase("invalid", AgentRuntimePhase.INVALID);

    assertThat(status.getConditions())
        .anySatisfy(
            condition -> {
              assertThat(condition.getType()).isEqualTo("Valid");
              assertThat(condition.getMessage()).contains("spec.image");
            });
    assertThat(get(ConfigMap.class, "invalid-config").getMetadata().getResourceVersion())
        .isEqualTo(before);
  }

  @Test
  void deletingTheAgentRuntimeDeletesItsObjects() {
    var cr = client.resource(AgentRuntimes.valid(NAMESPACE, "gone")).create();
    eventually().until(() -> get(Deployment.class, "gone"), d -> d != null);

    client.resource(cr).delete();

    eventually().until(() -> get(Deployment.class, "gone"), d -> d == null);
  }

  @Test
  void theCrdRefusesAnInvalidSpecAtAdmissionNamingTheField() {
    var aboveLimit =
        AgentRuntimes.valid(
            NAMESPACE,
            "greedy",
            """
            resources:
              requests: {cpu: "2"}
              limits: {cpu: 500m}
            """);
    var sharedOnOneNode =
        AgentRuntimes.valid(
            NAMESPACE,
            "cramped",
            """
            inference:
              image: vllm/vllm-openai:v0.11.0
              model: meta-llama/Llama-3.1-8B-Instruct
              modelCache: {size: 100Gi, storageClassName: gp3, accessMode: ReadWriteOnce}
            """);

    assertRefused(aboveLimit, "spec.resources", "requests.cpu must not exceed limits.cpu");
    assertRefused(
        sharedOnOneNode,
        "spec.inference.modelCache.accessMode",
        "a ReadWriteOnce model cache holds one model server");
    assertThat(client.resources(AgentRuntime.class).inNamespace(NAMESPACE).withName("greedy").get())
        .as("nothing was stored")
        .isNull();
  }

  /**
   * The API server admits the model servers' NetworkPolicy as rendered, applied under the chart's
   * RBAC, and their non-root pod template (no GPU node runs here, so no pod starts).
   */
  @Test
  void theModelServersGetTheirNetworkPolicyAndANonRootPod() {
    client
        .resource(
            AgentRuntimes.valid(
                NAMESPACE,
                "guarded",
                """
                inference:
                  image: vllm/vllm-openai:v0.11.0
                  model: meta-llama/Llama-3.1-8B-Instruct
                  nodePool: {create: false}
                """))
        .create();

    var policy =
        eventually()
            .until(() -> get(NetworkPolicy.class, "guarded-inference"), found -> found != null);
    var pod =
        eventually()
            .until(() -> get(Deployment.class, "guarded-inference"), found -> found != null)
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(policy.getSpec().getIngress().getFirst().getFrom().getFirst().getPodSelector())
        .isEqualTo(
            AgentRuntimeFixtures.rendered(
                    get(AgentRuntime.class, "guarded"), InferenceNetworkPolicyRenderer::render)
                .getSpec()
                .getIngress()
                .getFirst()
                .getFrom()
                .getFirst()
                .getPodSelector());
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
  }

  /**
   * Without KEDA, the API server admits the workers of {@code spec.async} as rendered: their
   * Deployment in the worker role, their own ServiceAccount and a CPU autoscaler keeping one.
   */
  @Test
  void theWorkersOfAsyncAreAppliedWithTheirOwnIdentityAndAnAutoscaler() {
    client
        .resource(
            AgentRuntimes.valid(
                NAMESPACE,
                "queued",
                """
                governance: {store: {dynamodb: {table: governance-policies, region: us-east-1}}}
                async:
                  queue: {url: "https://sqs.us-east-1.amazonaws.com/123456789012/queued"}
                  workers: {min: 0, max: 4}
                """))
        .create();

    var workers =
        eventually().until(() -> get(Deployment.class, "queued-worker"), found -> found != null);
    var hpa =
        eventually()
            .until(
                () -> get(HorizontalPodAutoscaler.class, "queued-worker"), found -> found != null);

    assertThat(workers.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
        .startsWith("worker");
    assertThat(workers.getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("queued-worker");
    assertThat(get(ServiceAccount.class, "queued-worker")).isNotNull();
    assertThat(hpa.getSpec().getMinReplicas()).as("no KEDA to start one from zero").isEqualTo(1);
  }

  @Test
  void theCrdRefusesAnAsyncQueueGivenTwiceOrWithoutTheRecordsTable() {
    var both =
        AgentRuntimes.valid(
            NAMESPACE,
            "twice",
            """
            governance: {store: {dynamodb: {table: governance-policies}}}
            async:
              queue:
                url: https://sqs.us-east-1.amazonaws.com/123456789012/twice
                name: twice
                create: true
            """);
    var storeless =
        AgentRuntimes.valid(
            NAMESPACE,
            "storeless",
            """
            async: {queue: {url: "https://sqs.us-east-1.amazonaws.com/123456789012/q"}}
            """);

    assertRefused(both, "spec.async.queue", "exactly one of url");
    assertRefused(storeless, "spec", "async needs governance.store.dynamodb");
  }

  /**
   * With the chart's ValidatingAdmissionPolicy bound, the API server refuses an image outside the
   * allowed prefixes with the policy's message, and admits one inside them.
   */
  @Test
  void theAdmissionPolicyRefusesAnImageFromAnotherRegistry() {
    var objects =
        ChartAdmissionPolicy.objects(
            Map.of(
                "admissionPolicy.runtimeImages[0]", "ghcr.io/agentruntime/",
                "admissionPolicy.inferenceImages[0]", "vllm/vllm-openai:"));
    for (var object : objects) {
      client
          .resource(SERIALIZATION.convertValue(object, GenericKubernetesResource.class))
          .serverSideApply();
    }
    try {
      var foreign = AgentRuntimes.valid(NAMESPACE, "foreign");
      foreign.getSpec().setImage("docker.io/evil/runtime:0.1.0");

      // The API server compiles and loads a new policy asynchronously.
      eventually()
          .untilAsserted(
              () ->
                  assertRefused(
                      foreign,
                      FORBIDDEN,
                      "spec.image docker.io/evil/runtime:0.1.0 is not from an allowed registry"
                          + " or repository: ghcr.io/agentruntime/"));
      assertThat(client.resource(AgentRuntimes.valid(NAMESPACE, "native")).create()).isNotNull();
    } finally {
      for (var object : objects.reversed()) {
        client
            .resource(SERIALIZATION.convertValue(object, GenericKubernetesResource.class))
            .delete();
      }
    }
  }

  @Test
  void theApiServerRefusesTwoIntentsOfOneName() {
    var duplicate = AgentRuntimes.valid(NAMESPACE, "twice");
    duplicate.getSpec().getIntents().get(1).setName("lookup_order");

    assertRefused(duplicate, "spec.intents[1]", "Duplicate value");
  }

  /**
   * spec.intents is a list keyed by name: under server-side apply a second field manager adds its
   * own intent beside the first manager's instead of conflicting over (or replacing) the whole
   * list, and removes only its own when it stops applying it.
   */
  @Test
  void twoFieldManagersEachOwnTheirIntentsUnderServerSideApply() {
    var platform =
        SERIALIZATION.convertValue(
            AgentRuntimes.valid(NAMESPACE, "shared"), GenericKubernetesResource.class);
    apply("platform-team", platform);

    apply(
        "reasoning-team",
        partial(
            "shared",
            """
            spec:
              intents:
                - {name: summarize, backend: {echo: {}}, timeout: 5s}
            """));

    assertThat(intentNames("shared"))
        .containsExactlyInAnyOrder("lookup_order", "echo", "summarize");
    assertThat(get(AgentRuntime.class, "shared").getMetadata().getManagedFields())
        .extracting(ManagedFieldsEntry::getManager)
        .contains("platform-team", "reasoning-team");

    apply("platform-team", platform);
    assertThat(intentNames("shared"))
        .as("re-applying its own object leaves the other manager's intent alone")
        .containsExactlyInAnyOrder("lookup_order", "echo", "summarize");

    apply("reasoning-team", partial("shared", ""));
    assertThat(intentNames("shared")).containsExactlyInAnyOrder("lookup_order", "echo");
  }

  /** An AgentRuntime {@code name} holding only {@code fieldsYaml}, as a second team applies it. */
  private static GenericKubernetesResource partial(String name, String fieldsYaml) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: agentruntime.io/v1alpha1
        kind: AgentRuntime
        metadata: {name: %s, namespace: %s}
        """
                .formatted(name, NAMESPACE)
            + fieldsYaml,
        GenericKubernetesResource.class);
  }

  private static void apply(String fieldManager, GenericKubernetesResource resource) {
    client
        .genericKubernetesResources(resource.getApiVersion(), resource.getKind())
        .inNamespace(NAMESPACE)
        .resource(resource)
        .fieldManager(fieldManager)
        .serverSideApply();
  }

  private static List<String> intentNames(String name) {
    return get(AgentRuntime.class, name).getSpec().getIntents().stream()
        .map(IntentSpec::getName)
        .toList();
  }

  private static void assertRefused(AgentRuntime cr, String field, String message) {
    assertRefused(cr, UNPROCESSABLE_ENTITY, field, message);
  }

  /** Creating {@code cr} fails with HTTP {@code code} and a message holding every fragment. */
  private static void assertRefused(AgentRuntime cr, int code, String... fragments) {
    assertThatThrownBy(() -> client.resource(cr).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            refused -> {
              assertThat(refused.getCode()).isEqualTo(code);
              assertThat(refused.getMessage()).contains(fragments);
            });
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250));
  }

  private static AgentRuntimeStatus awaitPhase(String name, AgentRuntimePhase phase) {
    return eventually()
        .until(
            () ->
                Optional.ofNullable(
                        client
                            .resources(AgentRuntime.class)
                            .inNamespace(NAMESPACE)
                            .withName(name)
                            .get())
                    .map(AgentRuntime::getStatus),
            status -> status.map(AgentRuntimeStatus::getPhase).orElse(null) == phase)
        .orElseThrow();
  }

  private static <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }
}
