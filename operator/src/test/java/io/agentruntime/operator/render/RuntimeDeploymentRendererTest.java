package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.minimal;
import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

class RuntimeDeploymentRendererTest {

  private static final String TWO_INTENTS =
      """
      image: ghcr.io/agentruntime/runtime:0.1.0
      intents:
        - name: ping
          backend: {echo: {}}
        - name: lookup_order
          backend: {url: "http://orders.shop:8080/lookup"}
          timeout: 2s
      """;

  @Test
  void leavesTheReplicaCountToTheAutoscaler() {
    Deployment deployment =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render);

    assertThat(deployment.getSpec().getReplicas()).isNull();
  }

  @Test
  void hardensThePodAndContainer() {
    PodSpec pod =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();
    Container runtime = pod.getContainers().getFirst();

    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(runtime.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(runtime.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(runtime.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(runtime.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactlyInAnyOrder("/etc/agent-runtime", "/tmp");
  }

  @Test
  void runsTheImageWithTheMountedConfigAndNativeAccess() {
    Container runtime = container(withSpec(TWO_INTENTS));

    assertThat(runtime.getImage()).isEqualTo("ghcr.io/agentruntime/runtime:0.1.0");
    assertThat(runtime.getArgs()).containsExactly("--config", "/etc/agent-runtime/runtime.yaml");
    assertThat(runtime.getPorts().getFirst().getContainerPort()).isEqualTo(8080);
    assertThat(runtime.getPorts().getFirst().getName()).isEqualTo("http");
    assertThat(runtime.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("JAVA_TOOL_OPTIONS");
              assertThat(env.getValue()).contains("--enable-native-access=ALL-UNNAMED");
            });
  }

  @Test
  void probesHealthAndReadinessEndpoints() {
    Container runtime = container(minimal());

    assertThat(runtime.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(runtime.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(runtime.getStartupProbe().getHttpGet().getPath()).isEqualTo("/healthz");
  }

  @Test
  void drainsBeforeStoppingAndLeavesTimeForGracefulShutdown() {
    Deployment deployment =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render);
    Container runtime = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    long drain = runtime.getLifecycle().getPreStop().getSleep().getSeconds();

    assertThat(drain).isPositive();
    assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThan(drain + AgentRuntimeDefaults.SHUTDOWN_GRACE_SECONDS);
  }

  @Test
  void spreadsPodsOverZonesAndNodes() {
    PodSpec pod =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render)
            .getSpec()
            .getTemplate()
            .getSpec();

    assertThat(pod.getTopologySpreadConstraints())
        .extracting(TopologySpreadConstraint::getTopologyKey)
        .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    assertThat(pod.getTopologySpreadConstraints())
        .allSatisfy(
            spread ->
                assertThat(spread.getLabelSelector().getMatchLabels())
                    .isEqualTo(
                        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render)
                            .getSpec()
                            .getSelector()
                            .getMatchLabels()));
  }

  @Test
  void selectsItsPodsByInstanceAndComponent() {
    Deployment deployment =
        AgentRuntimeFixtures.rendered(minimal(), RuntimeDeploymentRenderer::render);

    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsEntry("app.kubernetes.io/instance", "support")
        .containsEntry("app.kubernetes.io/component", "runtime")
        .doesNotContainKey("app.kubernetes.io/managed-by");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
  }

  @Test
  void usesDefaultResourcesUnlessTheSpecGivesThem() {
    AgentRuntime tuned =
        withSpec(
            TWO_INTENTS
                + """
                resources:
                  requests: {cpu: "1", memory: 2Gi}
                """);

    assertThat(container(minimal()).getResources().getRequests())
        .containsEntry("cpu", new Quantity("250m"))
        .containsEntry("memory", new Quantity("512Mi"));
    assertThat(container(minimal()).getResources().getLimits())
        .containsEntry("memory", new Quantity("4Gi"));
    assertThat(container(tuned).getResources().getRequests())
        .containsEntry("cpu", new Quantity("1"))
        .containsEntry("memory", new Quantity("2Gi"));
  }

  @Test
  void configHashChangesWhenAnIntentChanges() {
    AgentRuntime changed = withSpec(TWO_INTENTS.replace("timeout: 2s", "timeout: 3s"));

    assertThat(configHash(changed)).isNotEqualTo(configHash(withSpec(TWO_INTENTS)));
  }

  @Test
  void configHashStaysWhenOnlyTheWorkloadChanges() {
    AgentRuntime rescaled =
        withSpec(
            TWO_INTENTS.replace("runtime:0.1.0", "runtime:0.2.0")
                + """
                replicas: {min: 4, max: 20}
                """);

    assertThat(configHash(rescaled)).isEqualTo(configHash(withSpec(TWO_INTENTS)));
  }

  private static Container container(AgentRuntime cr) {
    return AgentRuntimeFixtures.rendered(cr, RuntimeDeploymentRenderer::render)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .getFirst();
  }

  private static String configHash(AgentRuntime cr) {
    return AgentRuntimeFixtures.rendered(cr, RuntimeDeploymentRenderer::render)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(RuntimeDeploymentRenderer.CONFIG_HASH_ANNOTATION);
  }
}
