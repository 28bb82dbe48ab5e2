package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.IntentSpec;
import io.agentruntime.operator.crd.CrdFiles;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.runner.AgentRuntimeOperator;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * managed objects and the status, the CRD from {@code crds/}, and Kubernetes' garbage collector.
 * Skipped where Docker is absent; the image can be changed with {@code -Dk3s.image=...}.
 *
 * <p>No runtime image runs here, so pods never become ready: readiness is covered against the mock
 * API server, where the test reports pod status itself.
 *
 * <p>What only a real API server does is checked here too: the CRD's CEL rules and list types
 * refusing an invalid AgentRuntime at admission, and server-side apply merging {@code spec.intents}
 * item by item between two field managers.
 */
@Testcontainers(disabledWithoutDocker = true)
class AgentRuntimeE2E {

  private static final String NAMESPACE = "agents";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final int UNPROCESSABLE_ENTITY = 422;

  @Container
  private static final K3sContainer K3S =
      new K3sContainer(
          DockerImageName.parse(System.getProperty("k3s.image", "rancher/k3s:v1.31.4-k3s1")));

  private static KubernetesClient client;
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
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    operator =
        AgentRuntimeOperator.create(
            new OperatorSettings(Set.of(), Optional.empty(), 0, Duration.ofSeconds(10)),
            client,
            Metrics.NOOP,
            () -> {
              throw new AssertionError("leadership lost without leader election");
            },
            config -> {});
    operator.start();
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.stop();
    }
    if (client != null) {
      client.close();
    }
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
    assertThatThrownBy(() -> client.resource(cr).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            refused -> {
              assertThat(refused.getCode())
                  .as("422 Unprocessable Entity")
                  .isEqualTo(UNPROCESSABLE_ENTITY);
              assertThat(refused.getMessage()).contains(field, message);
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
