package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runtime Deployment ({@code <n>}): hardened pods that drain before stopping, spread over zones
 * and nodes, and roll whenever the rendered configuration changes. It never sets {@code
 * spec.replicas}: the HorizontalPodAutoscaler owns the replica count.
 */
public final class RuntimeDeploymentRenderer {

  /** Pod annotation holding {@link ConfigHash} of the ConfigMap; a new value rolls the pods. */
  public static final String CONFIG_HASH_ANNOTATION = "agentruntime.io/config-hash";

  /** Name of the runtime container. */
  public static final String CONTAINER_NAME = "runtime";

  /** Directory the ConfigMap is mounted at. */
  public static final String CONFIG_DIR = "/etc/agent-runtime";

  /** Numeric user and group the runtime runs as, so the kubelet can enforce runAsNonRoot. */
  public static final long RUNTIME_UID = 10001L;

  private static final String CONFIG_VOLUME = "config";
  private static final String TMP_VOLUME = "tmp";

  private RuntimeDeploymentRenderer() {}

  /** The Deployment of {@code cr}'s runtime pods. */
  public static Deployment render(AgentRuntime cr, EffectiveSpec spec) {
    return render(
        cr,
        spec,
        new PodRole(
            ResourceNames.runtime(cr), Component.RUNTIME, List.of(), true, spec.resources()));
  }

  /**
   * What sets one Deployment of the runtime's image apart from the other: the serving runtime's and
   * the workers' pods share the image, the configuration, the hardening and the probes.
   *
   * @param name the Deployment's name, also its pods' ServiceAccount
   * @param component the pods' component label
   * @param command the command before {@code --config} (none: serve)
   * @param serves whether the pods serve the API: its port, and a drain before SIGTERM
   * @param resources the container's resources
   */
  record PodRole(
      String name,
      Component component,
      List<String> command,
      boolean serves,
      ResourceRequirements resources) {}

  /** The Deployment of the runtime's image in {@code role}. */
  static Deployment render(AgentRuntime cr, EffectiveSpec spec, PodRole role) {
    return new DeploymentBuilder()
        .withMetadata(RenderedMetadata.of(cr, role.name(), role.component()))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cr, role.component()))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(new IntOrString(0))
        .withMaxSurge(new IntOrString(1))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(cr, role.component()))
        .addToAnnotations(
            CONFIG_HASH_ANNOTATION, ConfigHash.of(RuntimeConfigMapRenderer.render(cr, spec)))
        .addToAnnotations("kubectl.kubernetes.io/default-container", CONTAINER_NAME)
        .endMetadata()
        .withSpec(podSpec(cr, spec, role))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static PodSpec podSpec(AgentRuntime cr, EffectiveSpec spec, PodRole role) {
    // Only the serving pods speak MCP: the workers get no upstream's credentials.
    Optional<Volume> mcpHeaders =
        role.serves() ? McpHeaderSecrets.volume(spec.written()) : Optional.empty();
    return new PodSpecBuilder()
        .withServiceAccountName(role.name())
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withTerminationGracePeriodSeconds(AgentRuntimeDefaults.terminationGracePeriodSeconds())
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(RUNTIME_UID)
        .withRunAsGroup(RUNTIME_UID)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(container(cr, role, mcpHeaders.isPresent()))
        .addNewVolume()
        .withName(CONFIG_VOLUME)
        .withNewConfigMap()
        .withName(ResourceNames.config(cr))
        .endConfigMap()
        .endVolume()
        // The root file system is read-only; the JVM and Vert.x still need a scratch directory.
        .addNewVolume()
        .withName(TMP_VOLUME)
        .withNewEmptyDir()
        .withSizeLimit(new Quantity("256Mi"))
        .endEmptyDir()
        .endVolume()
        .withTopologySpreadConstraints(
            spread(cr, role, "topology.kubernetes.io/zone"),
            spread(cr, role, "kubernetes.io/hostname"))
        .addAllToVolumes(mcpHeaders.stream().toList())
        .build();
  }

  private static Container container(AgentRuntime cr, PodRole role, boolean mcpHeaders) {
    List<String> args = new ArrayList<>(role.command());
    args.addAll(List.of("--config", CONFIG_DIR + "/" + ResourceNames.CONFIG_KEY));
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(CONTAINER_NAME)
            .withImage(cr.getSpec().getImage())
            .withArgs(args);
    if (role.serves()) {
      container
          .addNewPort()
          .withName(ResourceNames.HTTP_PORT_NAME)
          .withContainerPort(ResourceNames.RUNTIME_PORT)
          .withProtocol("TCP")
          .endPort();
    }
    container
        .addNewPort()
        .withName(ResourceNames.MANAGEMENT_PORT_NAME)
        .withContainerPort(ResourceNames.RUNTIME_MANAGEMENT_PORT)
        .withProtocol("TCP")
        .endPort()
        // cedar-java loads a native library.
        .addNewEnv()
        .withName("JAVA_TOOL_OPTIONS")
        .withValue("--enable-native-access=ALL-UNNAMED")
        .endEnv()
        .withResources(role.resources())
        .addNewVolumeMount()
        .withName(CONFIG_VOLUME)
        .withMountPath(CONFIG_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName(TMP_VOLUME)
        .withMountPath("/tmp")
        .endVolumeMount()
        .addAllToVolumeMounts(
            mcpHeaders ? List.of(McpHeaderSecrets.mount()) : List.<VolumeMount>of())
        .withStartupProbe(probe("/healthz", 2, 30))
        .withLivenessProbe(probe("/healthz", 10, 3))
        .withReadinessProbe(probe("/readyz", 5, 2))
        .withSecurityContext(containerSecurityContext());
    if (role.serves()) {
      // Keep serving while endpoints and mesh proxies stop routing here, then SIGTERM.
      container
          .withNewLifecycle()
          .withNewPreStop()
          .withNewSleep((long) AgentRuntimeDefaults.DRAIN_SECONDS)
          .endPreStop()
          .endLifecycle();
    }
    return container.build();
  }

  private static SecurityContext containerSecurityContext() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  private static Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(ResourceNames.MANAGEMENT_PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  private static TopologySpreadConstraint spread(
      AgentRuntime cr, PodRole role, String topologyKey) {
    return new TopologySpreadConstraintBuilder()
        .withTopologyKey(topologyKey)
        .withMaxSkew(1)
        .withWhenUnsatisfiable("ScheduleAnyway")
        .withNewLabelSelector()
        .withMatchLabels(Labels.selector(cr, role.component()))
        .endLabelSelector()
        // Count only the pods of the current rollout, not the ones being replaced.
        .withMatchLabelKeys(List.of("pod-template-hash"))
        .build();
  }
}
