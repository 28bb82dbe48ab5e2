package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimePhase;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeStatus;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import io.agentruntime.operator.render.AgentRuntimeFixtures;
import io.agentruntime.operator.render.ResourceNames;
import io.agentruntime.operator.render.RuntimeConfigMapRenderer;
import io.agentruntime.operator.render.RuntimeDeploymentRenderer;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
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
 * The reconciler end to end against fabric8's mock API server (CRUD mode), with the real operator:
 * objects, owner references, status, drift correction, invalid specs and quiet resyncs.
 */
class AgentRuntimeReconcilerTest {

  private static final String NAMESPACE = "agents";

  private static MockCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = MockCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void createsTheRuntimeObjectsOwnedByTheAgentRuntime() {
    var cr = cluster.create(AgentRuntimes.valid(NAMESPACE, "create"));

    var objects = awaitRuntimeObjects("create");

    for (HasMetadata object : objects) {
      ManagedObjects.assertManagedAndOwnedBy(object, cr);
    }
    assertThat(deployment("create").getSpec().getReplicas()).as("the HPA owns the scale").isNull();
    var status = awaitPhase("create", AgentRuntimePhase.PROGRESSING);
    assertThat(status.getEndpoint())
        .isEqualTo("http://create.agents.svc.cluster.local:8080/dispatch");
    assertThat(status.getObservedGeneration()).isEqualTo(cr.getMetadata().getGeneration());
    assertThat(condition(status, "Valid").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(conditionOrNull(status, "MeshConfigured"))
        .as("no mesh asked for, none reported")
        .isNull();
  }

  @Test
  void appliesTheRuntimeAndReportsTheMeshSkippedWhereIstioIsNotInstalled() {
    cluster.create(
        AgentRuntimes.valid(
            NAMESPACE,
            "meshless",
            """
            mesh: {mtls: STRICT, allowedPrincipals: [cluster.local/ns/web/sa/frontend]}
            failover: {regions: [us-east-1, us-west-2]}
            """));

    assertThat(awaitRuntimeObjects("meshless")).hasSize(6);
    var status = awaitPhase("meshless", AgentRuntimePhase.PROGRESSING);

    var mesh = condition(status, "MeshConfigured");
    assertThat(mesh.getStatus()).isEqualTo("False");
    assertThat(mesh.getReason()).isEqualTo("IstioNotInstalled");
    assertThat(mesh.getMessage())
        .contains("Istio is not installed", "DestinationRule", "AuthorizationPolicy");
    assertThat(condition(status, "Valid").getStatus()).isEqualTo("True");
    assertThat(cluster.operator.health().ready()).as("the operator stays healthy").isTrue();
  }

  @Test
  void isReadyOnceARuntimePodIsReadyAndDegradedWhenAllAreLost() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "ready"));
    var progressing = awaitPhase("ready", AgentRuntimePhase.PROGRESSING);

    cluster.reportPods(NAMESPACE, "ready", 2, 1);
    var ready = awaitPhase("ready", AgentRuntimePhase.READY);

    assertThat(ready.getReplicas()).isEqualTo(2);
    assertThat(ready.getReadyReplicas()).isEqualTo(1);
    assertThat(condition(ready, "Available").getStatus()).isEqualTo("True");
    assertThat(condition(ready, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(ready, "Valid").getLastTransitionTime())
        .as("Valid did not transition")
        .isEqualTo(condition(progressing, "Valid").getLastTransitionTime());

    cluster.reportPods(NAMESPACE, "ready", 2, 0);
    var degraded = awaitPhase("ready", AgentRuntimePhase.DEGRADED);

    assertThat(condition(degraded, "Available").getStatus()).isEqualTo("False");
    assertThat(condition(degraded, "Ready").getReason()).isEqualTo("Degraded");
  }

  @Test
  void appliesSpecChangesToTheObjects() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "update"));
    awaitPhase("update", AgentRuntimePhase.PROGRESSING);
    var hashBefore = configHash(deployment("update"));

    var updated =
        cluster.editSpec(
            NAMESPACE,
            "update",
            spec -> {
              spec.getIntents().getFirst().setTimeout("5s");
              spec.getReplicas().setMax(8);
            });

    eventually()
        .untilAsserted(
            () -> {
              assertThat(hpa("update").getSpec().getMaxReplicas()).isEqualTo(8);
              assertThat(configMap("update").getData())
                  .isEqualTo(
                      AgentRuntimeFixtures.rendered(updated, RuntimeConfigMapRenderer::render)
                          .getData());
              assertThat(configHash(deployment("update")))
                  .isNotEqualTo(hashBefore)
                  .isEqualTo(
                      configHash(
                          AgentRuntimeFixtures.rendered(
                              updated, RuntimeDeploymentRenderer::render)));
            });
  }

  @Test
  void restoresObjectsEditedByHand() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "drift"));
    awaitRuntimeObjects("drift");

    cluster
        .client
        .resource(service("drift"))
        .edit(
            service -> {
              service.getSpec().getPorts().getFirst().setPort(9090);
              return service;
            });
    cluster
        .client
        .resource(hpa("drift"))
        .edit(
            hpa -> {
              hpa.getSpec().setMaxReplicas(50);
              return hpa;
            });

    eventually()
        .untilAsserted(
            () -> {
              assertThat(service("drift").getSpec().getPorts().getFirst().getPort())
                  .isEqualTo(ResourceNames.RUNTIME_PORT);
              assertThat(hpa("drift").getSpec().getMaxReplicas()).isEqualTo(5);
            });
  }

  @Test
  void recreatesDeletedObjects() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "deleted"));
    awaitRuntimeObjects("deleted");

    cluster.client.resource(configMap("deleted")).delete();
    cluster.client.resource(service("deleted")).delete();

    eventually()
        .untilAsserted(
            () -> {
              assertThat(configMap("deleted")).isNotNull();
              assertThat(service("deleted")).isNotNull();
            });
  }

  @Test
  void reportsAnInvalidSpecAndLeavesTheAppliedObjectsUntouched() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "invalid"));
    awaitPhase("invalid", AgentRuntimePhase.PROGRESSING);
    var deploymentBefore = deployment("invalid");
    var configBefore = configMap("invalid");

    // A rule across fields, which the CRD schema cannot state: only the operator refuses it.
    cluster.editSpec(
        NAMESPACE,
        "invalid",
        spec -> {
          var governance = new GovernanceSpec();
          governance.setRefreshInterval("1m");
          governance.setMaxStaleness("30s");
          spec.setGovernance(governance);
        });
    var status = awaitPhase("invalid", AgentRuntimePhase.INVALID);

    var valid = condition(status, "Valid");
    assertThat(valid.getStatus()).isEqualTo("False");
    assertThat(valid.getReason()).isEqualTo("InvalidSpec");
    assertThat(valid.getMessage())
        .isEqualTo("spec.governance.maxStaleness: must be at least refreshInterval (1m)");
    assertThat(warnings("invalid"))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getReason()).isEqualTo("InvalidSpec");
              assertThat(event.getMessage()).isEqualTo(valid.getMessage());
            });
    assertThat(deployment("invalid").getMetadata().getResourceVersion())
        .isEqualTo(deploymentBefore.getMetadata().getResourceVersion());
    assertThat(configMap("invalid").getMetadata().getResourceVersion())
        .isEqualTo(configBefore.getMetadata().getResourceVersion());

    int reconciled = cluster.reconciles.of("invalid");
    cluster.reportPods(NAMESPACE, "invalid", 2, 1);
    eventually().until(() -> cluster.reconciles.of("invalid") > reconciled);

    assertThat(warnings("invalid")).as("no repeated Event for the same problem").hasSize(1);
    assertThat(configMap("invalid").getData()).isEqualTo(configBefore.getData());
  }

  @Test
  void reportsObjectsTheApiServerRefusesAndRecoversOnceAllowed() {
    cluster.forbidCreating("/apis/policy/v1/namespaces/restricted/poddisruptionbudgets");
    cluster.create(AgentRuntimes.valid("restricted", "refused"));

    var failed =
        eventually()
            .until(
                () -> Optional.ofNullable(cluster.get("restricted", "refused").getStatus()),
                status ->
                    status
                        .map(s -> conditionOrNull(s, "Ready"))
                        .map(Condition::getReason)
                        .filter("ApplyFailed"::equals)
                        .isPresent())
            .orElseThrow();

    assertThat(failed.getPhase()).isEqualTo(AgentRuntimePhase.PENDING);
    assertThat(condition(failed, "Ready").getMessage()).contains("runtime-pdb", "forbidden");
    assertThat(condition(failed, "Valid").getStatus()).isEqualTo("True");

    cluster.allowCreatingEverything();
    var recovered =
        eventually()
            .until(
                () -> Optional.ofNullable(cluster.get("restricted", "refused").getStatus()),
                status ->
                    status.map(AgentRuntimeStatus::getPhase).orElse(null)
                        == AgentRuntimePhase.PROGRESSING)
            .orElseThrow();
    assertThat(condition(recovered, "Ready").getReason()).isEqualTo("Progressing");
  }

  @Test
  void resyncWithoutChangesWritesNothing() throws InterruptedException {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "steady"));
    awaitRuntimeObjects("steady");
    cluster.reportPods(NAMESPACE, "steady", 2, 2);
    awaitPhase("steady", AgentRuntimePhase.READY);
    assertThat(cluster.takeWriteRequests()).as("writes are recorded").isNotEmpty();

    int reconciled = cluster.reconciles.of("steady");
    cluster.touchDeploymentStatus(NAMESPACE, "steady");
    eventually().until(() -> cluster.reconciles.of("steady") > reconciled);

    assertThat(cluster.takeWriteRequests())
        .as("writes besides the test's own Deployment status update")
        .filteredOn(write -> !write.endsWith("/deployments/steady/status"))
        .isEmpty();
  }

  @Test
  void reportsHealthAndReconcileMetrics() {
    cluster.create(AgentRuntimes.valid(NAMESPACE, "metrics"));
    awaitPhase("metrics", AgentRuntimePhase.PROGRESSING);

    assertThat(cluster.operator.health().ready()).isTrue();
    assertThat(cluster.registry.scrape()).contains("operator_sdk_reconciliations_success_total");
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
  }

  private static AgentRuntimeStatus awaitPhase(String name, AgentRuntimePhase phase) {
    return eventually()
        .until(
            () -> Optional.ofNullable(cluster.get(NAMESPACE, name).getStatus()),
            status -> status.map(AgentRuntimeStatus::getPhase).orElse(null) == phase)
        .orElseThrow();
  }

  private static Condition conditionOrNull(AgentRuntimeStatus status, String type) {
    return status.getConditions() == null
        ? null
        : status.getConditions().stream()
            .filter(condition -> type.equals(condition.getType()))
            .findFirst()
            .orElse(null);
  }

  private static Condition condition(AgentRuntimeStatus status, String type) {
    return status.getConditions().stream()
        .filter(condition -> type.equals(condition.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type + " condition in " + status));
  }

  private static List<HasMetadata> awaitRuntimeObjects(String name) {
    return eventually().until(() -> runtimeObjects(name), objects -> objects.size() == 6);
  }

  private static List<HasMetadata> runtimeObjects(String name) {
    return Stream.<HasMetadata>of(
            get(ServiceAccount.class, name),
            configMap(name),
            deployment(name),
            service(name),
            hpa(name),
            get(PodDisruptionBudget.class, name))
        .filter(Objects::nonNull)
        .toList();
  }

  private static List<Event> warnings(String name) {
    return cluster.client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(event -> name.equals(event.getInvolvedObject().getName()))
        .filter(event -> "AgentRuntime".equals(event.getInvolvedObject().getKind()))
        .filter(event -> "Warning".equals(event.getType()))
        .toList();
  }

  private static String configHash(Deployment deployment) {
    return deployment
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(RuntimeDeploymentRenderer.CONFIG_HASH_ANNOTATION);
  }

  private static Deployment deployment(String name) {
    return get(Deployment.class, name);
  }

  private static ConfigMap configMap(String name) {
    return get(ConfigMap.class, name + "-config");
  }

  private static Service service(String name) {
    return get(Service.class, name);
  }

  private static HorizontalPodAutoscaler hpa(String name) {
    return get(HorizontalPodAutoscaler.class, name);
  }

  private static <T extends HasMetadata> T get(Class<T> type, String name) {
    return cluster.client.resources(type).inNamespace(NAMESPACE).withName(name).get();
  }
}
