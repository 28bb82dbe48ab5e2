package io.agentruntime.operator.render;

import static io.agentruntime.operator.render.AgentRuntimeFixtures.withSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model servers' pods: non-root where the image allows, bounded CPU and memory. */
class InferencePodSecurityTest {

  private static final String POOL =
      AgentRuntimeFixtures.MODEL_POOL + "  modelCache: {size: 100Gi, storageClassName: efs}\n";

  @Test
  void runsAsAFixedNonRootUserWithAWritableHomeAndTheCacheInItsGroup() {
    PodSpec pod = pod(POOL);
    Container server = pod.getContainers().getFirst();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getFsGroup())
        .as("the cache volume writable by the server")
        .isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getFsGroupChangePolicy())
        .as("a 100Gi cache is not walked at every start")
        .isEqualTo("OnRootMismatch");
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(env(server))
        .as("caches under a writable home; a name for getpass.getuser()")
        .containsEntry("HOME", InferenceDeploymentRenderer.HOME_DIR)
        .containsEntry("USER", "model-server")
        .containsEntry("HF_HOME", "/models/huggingface");
    assertThat(server.getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .contains(InferenceDeploymentRenderer.HOME_DIR, "/models");
    assertThat(pod.getVolumes())
        .filteredOn(volume -> volume.getName().equals("home"))
        .singleElement()
        .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
  }

  @Test
  void anImageThatMustRunAsRootKeepsItsUserButNoPrivilege() {
    PodSpec pod = pod(POOL + "  runAsRoot: true\n");
    Container server = pod.getContainers().getFirst();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isNull();
    assertThat(pod.getSecurityContext().getRunAsUser()).isNull();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(server.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(env(server)).doesNotContainKeys("HOME", "USER");
  }

  @Test
  void requestsAndLimitsCpuAndMemoryPerGpuBesidesTheGpus() {
    Container oneGpu = pod(POOL).getContainers().getFirst();
    Container twoGpus = pod(POOL + "  gpu: {count: 2}\n").getContainers().getFirst();

    assertThat(oneGpu.getResources().getRequests())
        .isEqualTo(
            Map.of(
                "cpu", new Quantity("2"),
                "memory", new Quantity("12Gi"),
                "nvidia.com/gpu", new Quantity("1")));
    assertThat(oneGpu.getResources().getLimits())
        .isEqualTo(
            Map.of(
                "cpu", new Quantity("4"),
                "memory", new Quantity("12Gi"),
                "nvidia.com/gpu", new Quantity("1")));
    assertThat(twoGpus.getResources().getRequests())
        .containsEntry("cpu", new Quantity("4"))
        .containsEntry("memory", new Quantity("24Gi"))
        .containsEntry("nvidia.com/gpu", new Quantity("2"));
  }

  @Test
  void theSpecsResourcesReplaceTheDefaultsAndKeepTheGpus() {
    Container server =
        pod(POOL
                + """
                  resources:
                    requests: {cpu: "6", memory: 40Gi}
                    limits: {memory: 40Gi}
                """)
            .getContainers()
            .getFirst();

    assertThat(server.getResources().getRequests())
        .isEqualTo(
            Map.of(
                "cpu", new Quantity("6"),
                "memory", new Quantity("40Gi"),
                "nvidia.com/gpu", new Quantity("1")));
    assertThat(server.getResources().getLimits())
        .isEqualTo(Map.of("memory", new Quantity("40Gi"), "nvidia.com/gpu", new Quantity("1")));
  }

  private static PodSpec pod(String spec) {
    return AgentRuntimeFixtures.rendered(withSpec(spec), InferenceDeploymentRenderer::render)
        .getSpec()
        .getTemplate()
        .getSpec();
  }

  private static Map<String, String> env(Container container) {
    return container.getEnv().stream()
        .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }
}
