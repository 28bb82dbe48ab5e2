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
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;

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
    return new DeploymentBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
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
        .withLabels(Labels.of(cr, Component.RUNTIME))
        .addToAnnotations(
            CONFIG_HASH_ANNOTATION, ConfigHash.of(RuntimeConfigMapRenderer.render(cr, spec)))
        .addToAnnotations("kubectl.kubernetes.io/default-container", CONTAINER_NAME)
        .endMetadata()
        .withSpec(podSpec(cr, spec))
        .endTemplate()
        .endSpec()
        .build();
  }

  private static PodSpec podSpec(AgentRuntime cr, EffectiveSpec spec) {
    return new PodSpecBuilder()
        .withServiceAccountName(ResourceNames.runtime(cr))
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
        .withContainers(container(cr, spec))
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
            spread(cr, "topology.kubernetes.io/zone"), spread(cr, "kubernetes.io/hostname"))
        .build();
  }

  private static Container container(AgentRuntime cr, EffectiveSpec spec) {
    return new ContainerBuilder()
        .withName(CONTAINER_NAME)
        .withImage(cr.getSpec().getImage())
        .withArgs("--config", CONFIG_DIR + "/" + ResourceNames.CONFIG_KEY)
        .addNewPort()
        .withName(ResourceNames.HTTP_PORT_NAME)
        .withContainerPort(ResourceNames.RUNTIME_PORT)
        .withProtocol("TCP")
        .endPort()
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
        .withResources(spec.resources())
        .addNewVolumeMount()
        .withName(CONFIG_VOLUME)
        .withMountPath(CONFIG_DIR)
        .withReadOnly(true)
        .endVolumeMount()
        .addNewVolumeMount()
        .withName(TMP_VOLUME)
        .withMountPath("/tmp")
        .endVolumeMount()
        .withStartupProbe(probe("/healthz", 2, 30))
        .withLivenessProbe(probe("/healthz", 10, 3))
        .withReadinessProbe(probe("/readyz", 5, 2))
        // Keep serving while endpoints and mesh proxies stop routing here, then SIGTERM.
        .withNewLifecycle()
        .withNewPreStop()
        .withNewSleep((long) AgentRuntimeDefaults.DRAIN_SECONDS)
        .endPreStop()
        .endLifecycle()
        .withSecurityContext(containerSecurityContext())
        .build();
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

  private static TopologySpreadConstraint spread(AgentRuntime cr, String topologyKey) {
    return new TopologySpreadConstraintBuilder()
        .withTopologyKey(topologyKey)
        .withMaxSkew(1)
        .withWhenUnsatisfiable("ScheduleAnyway")
        .withNewLabelSelector()
        .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
        .endLabelSelector()
        // Count only the pods of the current rollout, not the ones being replaced.
        .withMatchLabelKeys(List.of("pod-template-hash"))
        .build();
  }
}
