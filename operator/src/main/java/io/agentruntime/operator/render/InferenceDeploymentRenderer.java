package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.InferenceSpec;
import io.agentruntime.operator.api.v1alpha1.InferenceUpgrade;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-server Deployment ({@code <n>-inference}): an OpenAI-compatible server (vLLM by
 * default) on GPU nodes, loading its weights from the model cache and taking traffic only once the
 * model is loaded. Like the runtime's, it never sets {@code spec.replicas}: its autoscaler owns the
 * count.
 *
 * <p>The server runs as user and group {@link InferenceDefaults#MODEL_SERVER_UID}, unless the spec
 * says the image must run as root: model-server images keep their caches under the home directory
 * ({@code ~/.cache} for vLLM, Triton, Inductor and FlashInfer) and look the user's name up
 * (PyTorch's {@code getpass.getuser()}), so the pod gives it a writable home of its own and a
 * {@code USER}; the cache volume is made the user's group's ({@code fsGroup}), changed only when
 * its root differs so a large cache is not walked at every start. No capability, no privilege
 * escalation and the RuntimeDefault seccomp profile, root or not.
 */
public final class InferenceDeploymentRenderer {

  /** Name of the model-server container. */
  public static final String CONTAINER_NAME = "model-server";

  /** Extended resource of NVIDIA GPUs, and the taint GPU nodes carry. */
  public static final String GPU_RESOURCE = "nvidia.com/gpu";

  /** Where the model cache is mounted; the Hugging Face cache lives below it. */
  public static final String MODEL_CACHE_DIR = "/models";

  /** Asks Karpenter not to disrupt a node while this pod runs on it (busy model servers). */
  public static final String DO_NOT_DISRUPT = "karpenter.sh/do-not-disrupt";

  /**
   * Model load (download included) may take this long before the server is restarted: 180 probes,
   * 10 s apart.
   */
  static final int STARTUP_PROBES = 180;

  /**
   * The model server's writable home when it runs as {@link InferenceDefaults#MODEL_SERVER_UID}.
   */
  public static final String HOME_DIR = "/home/model-server";

  private static final String CACHE_VOLUME = "model-cache";
  private static final String SHM_VOLUME = "dshm";
  private static final String HOME_VOLUME = "home";
  private static final int SHM_GIB_PER_GPU = 2;

  private InferenceDeploymentRenderer() {}

  /** The Deployment of {@code cr}'s model servers; call only when it has an inference section. */
  public static Deployment render(AgentRuntime cr, EffectiveSpec effective) {
    InferenceSettings spec = effective.inferencePool();
    return new DeploymentBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE))
        .withNewSpec()
        .withNewSelector()
        .withMatchLabels(Labels.selector(cr, Component.INFERENCE))
        .endSelector()
        .withStrategy(strategy(spec.upgrade()))
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(cr, Component.INFERENCE))
        .addToAnnotations(DO_NOT_DISRUPT, "true")
        .addToAnnotations("kubectl.kubernetes.io/default-container", CONTAINER_NAME)
        .endMetadata()
        .withSpec(podSpec(cr, spec))
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Surge keeps serving during the rollout but needs a spare replica's GPUs; Recreate does not. */
  static DeploymentStrategy strategy(InferenceUpgrade upgrade) {
    if (upgrade == InferenceUpgrade.RECREATE) {
      return new DeploymentStrategyBuilder().withType("Recreate").build();
    }
    return new DeploymentStrategyBuilder()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxSurge(new IntOrString(1))
        .withMaxUnavailable(new IntOrString(0))
        .endRollingUpdate()
        .build();
  }

  private static PodSpec podSpec(AgentRuntime cr, InferenceSettings spec) {
    PodSpecBuilder pod =
        new PodSpecBuilder()
            .withAutomountServiceAccountToken(false)
            .withEnableServiceLinks(false)
            .withTerminationGracePeriodSeconds(60L)
            .withSecurityContext(podSecurityContext(spec))
            .addNewToleration()
            .withKey(GPU_RESOURCE)
            .withOperator("Exists")
            .withEffect("NoSchedule")
            .endToleration()
            .withContainers(container(spec))
            .withVolumes(volumes(cr, spec));
    if (spec.createsNodePool()) {
      pod.withNodeSelector(Labels.gpuNodes(cr));
    }
    return pod.build();
  }

  private static PodSecurityContext podSecurityContext(InferenceSettings spec) {
    PodSecurityContextBuilder context =
        new PodSecurityContextBuilder()
            .withNewSeccompProfile()
            .withType("RuntimeDefault")
            .endSeccompProfile();
    if (!spec.runAsRoot()) {
      context
          .withRunAsNonRoot(true)
          .withRunAsUser(InferenceDefaults.MODEL_SERVER_UID)
          .withRunAsGroup(InferenceDefaults.MODEL_SERVER_UID)
          .withFsGroup(InferenceDefaults.MODEL_SERVER_UID)
          .withFsGroupChangePolicy("OnRootMismatch");
    }
    return context.build();
  }

  /** The container's CPU and memory with its GPUs added. */
  private static ResourceRequirements resources(InferenceSettings spec) {
    Quantity gpus = new Quantity(Integer.toString(spec.gpusPerReplica()));
    ResourceRequirements resources = spec.resources();
    return new ResourceRequirementsBuilder(resources)
        .addToRequests(GPU_RESOURCE, gpus)
        .addToLimits(GPU_RESOURCE, gpus)
        .build();
  }

  /** Where a non-root server finds its home and its name. */
  private static List<EnvVar> env(InferenceSettings spec) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVar("HF_HOME", MODEL_CACHE_DIR + "/huggingface", null));
    if (!spec.runAsRoot()) {
      env.add(new EnvVar("HOME", HOME_DIR, null));
      env.add(new EnvVar("USER", "model-server", null));
    }
    return env;
  }

  private static Container container(InferenceSettings spec) {
    ContainerBuilder container =
        new ContainerBuilder()
            .withName(CONTAINER_NAME)
            .withImage(spec.written().getImage())
            .withArgs(args(spec))
            .addNewPort()
            .withName(ResourceNames.HTTP_PORT_NAME)
            .withContainerPort(ResourceNames.INFERENCE_PORT)
            .withProtocol("TCP")
            .endPort()
            .withEnv(env(spec))
            .withResources(resources(spec))
            .addNewVolumeMount()
            .withName(CACHE_VOLUME)
            .withMountPath(MODEL_CACHE_DIR)
            .endVolumeMount()
            .addNewVolumeMount()
            .withName(SHM_VOLUME)
            .withMountPath("/dev/shm")
            .endVolumeMount()
            // The server answers /health once the model is loaded: no traffic before that.
            .withStartupProbe(health(10, STARTUP_PROBES))
            .withReadinessProbe(health(5, 3))
            .withLivenessProbe(health(15, 4))
            .withNewSecurityContext()
            .withAllowPrivilegeEscalation(false)
            .withNewCapabilities()
            .withDrop("ALL")
            .endCapabilities()
            .endSecurityContext();
    if (!spec.runAsRoot()) {
      container.addNewVolumeMount().withName(HOME_VOLUME).withMountPath(HOME_DIR).endVolumeMount();
    }
    return container.build();
  }

  /** The model and port first, then the user's own arguments, which may override neither. */
  private static List<String> args(InferenceSettings settings) {
    InferenceSpec spec = settings.written();
    List<String> args = new ArrayList<>();
    args.add("--model=" + spec.getModel());
    args.add("--port=" + ResourceNames.INFERENCE_PORT);
    int gpus = settings.gpusPerReplica();
    if (gpus > 1) {
      args.add("--tensor-parallel-size=" + gpus);
    }
    if (spec.getArgs() != null) {
      args.addAll(spec.getArgs());
    }
    return args;
  }

  private static List<Volume> volumes(AgentRuntime cr, InferenceSettings spec) {
    VolumeBuilder cache = new VolumeBuilder().withName(CACHE_VOLUME);
    if (spec.cacheAccessMode().isPresent()) {
      cache
          .withNewPersistentVolumeClaim()
          .withClaimName(ResourceNames.modelCache(cr))
          .endPersistentVolumeClaim();
    } else {
      // No cache volume: every new pod downloads the model again.
      cache.withNewEmptyDir().endEmptyDir();
    }
    // Tensor parallelism exchanges tensors through shared memory; the container default is 64 MiB.
    Quantity shm = new Quantity(SHM_GIB_PER_GPU * spec.gpusPerReplica() + "Gi");
    Volume dshm =
        new VolumeBuilder()
            .withName(SHM_VOLUME)
            .withNewEmptyDir()
            .withMedium("Memory")
            .withSizeLimit(shm)
            .endEmptyDir()
            .build();
    if (spec.runAsRoot()) {
      return List.of(cache.build(), dshm);
    }
    // The home's caches (compiled kernels, graphs) are rebuilt at start; they need no volume.
    Volume home = new VolumeBuilder().withName(HOME_VOLUME).withNewEmptyDir().endEmptyDir().build();
    return List.of(cache.build(), dshm, home);
  }

  private static Probe health(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/health")
        .withPort(new IntOrString(ResourceNames.HTTP_PORT_NAME))
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}
