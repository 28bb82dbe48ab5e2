package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.AddOn;
import io.agentruntime.operator.addon.NodePool;
import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.addon.ScaledObject;
import io.agentruntime.operator.addon.ServiceMonitor;
import io.agentruntime.operator.addon.TriggerAuthentication;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Every object the operator manages for an AgentRuntime, in apply order: its kind, its name, when
 * the spec wants it, how it is rendered, and (through its kind's API group, {@link AddOn#of}) which
 * add-on's CRD it needs. This table is the one answer to "which objects does this spec get": {@link
 * AgentRuntimeRenderer} prints what it yields for a set of add-ons, each workflow dependent applies
 * its entry where the entry is wanted and its add-on's CRD usable, and the status reports the
 * wanted entries of an add-on the operator cannot use.
 *
 * <p>Apply order: identity, configuration and access rules before the pods that use them, the
 * Service, the mesh's traffic policy for it (DestinationRule before the VirtualService whose routes
 * it shapes), then the objects that act on the pods; the workers' identity before their pods,
 * before their autoscaler; the inference pool's NodePool and cache before its NetworkPolicy and
 * AuthorizationPolicy, before the pods they guard; monitoring last.
 *
 * <p>"Wanted" may depend on the add-ons installed: the model servers and the workers are scaled by
 * KEDA's ScaledObject where KEDA is installed and by an HorizontalPodAutoscaler where it is not.
 */
public enum ManagedKind {
  /** The runtime's ServiceAccount {@code <n>}. */
  RUNTIME_SERVICE_ACCOUNT(
      ServiceAccount.class,
      ResourceNames::runtime,
      always(),
      plain(RuntimeServiceAccountRenderer::render)),
  /** The runtime's ConfigMap {@code <n>-config}. */
  RUNTIME_CONFIG_MAP(
      ConfigMap.class,
      ResourceNames::config,
      always(),
      effective(RuntimeConfigMapRenderer::render)),
  /** Istio's PeerAuthentication {@code <n>}, with {@code mesh} or {@code failover}. */
  RUNTIME_PEER_AUTHENTICATION(
      PeerAuthentication.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> AgentRuntimeRenderer.usesMesh(cr.getSpec()),
      effective(RuntimePeerAuthenticationRenderer::render)),
  /** Istio's RequestAuthentication {@code <n>}, with {@code mesh.authentication}. */
  RUNTIME_REQUEST_AUTHENTICATION(
      RequestAuthentication.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> RuntimeRequestAuthenticationRenderer.authentication(cr).isPresent(),
      plain(cr -> RuntimeRequestAuthenticationRenderer.render(cr).orElseThrow())),
  /** Istio's AuthorizationPolicy {@code <n>}, when the spec restricts the runtime's callers. */
  RUNTIME_AUTHORIZATION_POLICY(
      AuthorizationPolicy.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> RuntimeAuthorizationPolicyRenderer.restrictsCallers(cr),
      plain(cr -> RuntimeAuthorizationPolicyRenderer.render(cr).orElseThrow())),
  /** The runtime's Deployment {@code <n>}. */
  RUNTIME_DEPLOYMENT(
      Deployment.class,
      ResourceNames::runtime,
      always(),
      effective(RuntimeDeploymentRenderer::render)),
  /** The runtime's Service {@code <n>}. */
  RUNTIME_SERVICE(
      Service.class, ResourceNames::runtime, always(), plain(RuntimeServiceRenderer::render)),
  /** Istio's DestinationRule {@code <n>}, with {@code mesh} or {@code failover}. */
  RUNTIME_DESTINATION_RULE(
      DestinationRule.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> AgentRuntimeRenderer.usesMesh(cr.getSpec()),
      effective(RuntimeDestinationRuleRenderer::render)),
  /** Istio's VirtualService {@code <n>}, with {@code mesh} or {@code failover}. */
  RUNTIME_VIRTUAL_SERVICE(
      VirtualService.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> AgentRuntimeRenderer.usesMesh(cr.getSpec()),
      effective(RuntimeVirtualServiceRenderer::render)),
  /** The runtime's HorizontalPodAutoscaler {@code <n>}. */
  RUNTIME_HPA(
      HorizontalPodAutoscaler.class,
      ResourceNames::runtime,
      always(),
      effective(RuntimeHpaRenderer::render)),
  /** The runtime's PodDisruptionBudget {@code <n>}. */
  RUNTIME_PDB(
      PodDisruptionBudget.class,
      ResourceNames::runtime,
      always(),
      plain(RuntimePdbRenderer::render)),
  /** The workers' ServiceAccount {@code <n>-worker}, with {@code async}. */
  WORKER_SERVICE_ACCOUNT(
      ServiceAccount.class,
      ResourceNames::worker,
      (cr, spec, addOns) -> spec.async().isPresent(),
      plain(WorkerServiceAccountRenderer::render)),
  /** The workers' Deployment {@code <n>-worker}, with {@code async} once its queue is known. */
  WORKER_DEPLOYMENT(
      Deployment.class,
      ResourceNames::worker,
      (cr, spec, addOns) -> AsyncDefaults.queueKnown(cr),
      effective(WorkerDeploymentRenderer::render)),
  /** The workers' HorizontalPodAutoscaler {@code <n>-worker}, where KEDA is not. */
  WORKER_HPA(
      HorizontalPodAutoscaler.class,
      ResourceNames::worker,
      (cr, spec, addOns) -> AsyncDefaults.queueKnown(cr) && !addOns.has(AddOn.KEDA),
      effective(WorkerHpaRenderer::render)),
  /** KEDA's TriggerAuthentication {@code <n>-worker} of the workers' queue trigger. */
  WORKER_TRIGGER_AUTHENTICATION(
      TriggerAuthentication.class,
      ResourceNames::worker,
      (cr, spec, addOns) -> AsyncDefaults.queueKnown(cr),
      plain(WorkerTriggerAuthenticationRenderer::render)),
  /** KEDA's ScaledObject {@code <n>-worker}, scaling the workers on the queue's depth. */
  WORKER_SCALED_OBJECT(
      ScaledObject.class,
      ResourceNames::worker,
      (cr, spec, addOns) -> AsyncDefaults.queueKnown(cr),
      effective(WorkerScaledObjectRenderer::render)),
  /** Karpenter's NodePool of the GPU pool, unless {@code inference.nodePool.create} is false. */
  GPU_NODE_POOL(
      NodePool.class,
      ResourceNames::gpuNodePool,
      (cr, spec, addOns) -> spec.inference().filter(InferenceSettings::createsNodePool).isPresent(),
      effective(GpuNodePoolRenderer::render)),
  /** The model cache claim {@code <n>-model-cache}, with {@code inference.modelCache}. */
  MODEL_CACHE(
      PersistentVolumeClaim.class,
      ResourceNames::modelCache,
      (cr, spec, addOns) ->
          spec.inference().flatMap(InferenceSettings::cacheAccessMode).isPresent(),
      effective((cr, spec) -> ModelCacheRenderer.render(cr, spec).orElseThrow())),
  /** The model servers' NetworkPolicy {@code <n>-inference}, with {@code inference}. */
  INFERENCE_NETWORK_POLICY(
      NetworkPolicy.class,
      ResourceNames::inference,
      (cr, spec, addOns) -> spec.inference().isPresent(),
      effective(InferenceNetworkPolicyRenderer::render)),
  /** Istio's AuthorizationPolicy {@code <n>-inference}, with {@code inference} in the mesh. */
  INFERENCE_AUTHORIZATION_POLICY(
      AuthorizationPolicy.class,
      ResourceNames::inference,
      (cr, spec, addOns) ->
          spec.inference().isPresent() && AgentRuntimeRenderer.usesMesh(cr.getSpec()),
      plain(cr -> InferenceAuthorizationPolicyRenderer.render(cr).orElseThrow())),
  /** The model servers' Deployment {@code <n>-inference}, with {@code inference}. */
  INFERENCE_DEPLOYMENT(
      Deployment.class,
      ResourceNames::inference,
      (cr, spec, addOns) -> spec.inference().isPresent(),
      effective(InferenceDeploymentRenderer::render)),
  /** The model servers' Service {@code <n>-inference}, with {@code inference}. */
  INFERENCE_SERVICE(
      Service.class,
      ResourceNames::inference,
      (cr, spec, addOns) -> spec.inference().isPresent(),
      plain(InferenceServiceRenderer::render)),
  /** The model servers' HorizontalPodAutoscaler {@code <n>-inference}, where KEDA is not. */
  INFERENCE_HPA(
      HorizontalPodAutoscaler.class,
      ResourceNames::inference,
      (cr, spec, addOns) -> spec.inference().isPresent() && !addOns.has(AddOn.KEDA),
      effective(InferenceHpaRenderer::render)),
  /** KEDA's ScaledObject {@code <n>-inference}, with {@code inference}. */
  INFERENCE_SCALED_OBJECT(
      ScaledObject.class,
      ResourceNames::inference,
      (cr, spec, addOns) -> spec.inference().isPresent(),
      InferenceScaledObjectRenderer::render),
  /** prometheus-operator's ServiceMonitor {@code <n>}, unless {@code monitoring} opts out. */
  RUNTIME_SERVICE_MONITOR(
      ServiceMonitor.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> spec.monitoring().serviceMonitor(),
      plain(RuntimeServiceMonitorRenderer::render)),
  /** prometheus-operator's PrometheusRule {@code <n>}, unless {@code monitoring} opts out. */
  RUNTIME_PROMETHEUS_RULE(
      PrometheusRule.class,
      ResourceNames::runtime,
      (cr, spec, addOns) -> spec.monitoring().alerts(),
      effective(RuntimePrometheusRuleRenderer::render));

  private final Class<? extends HasMetadata> type;
  private final Function<AgentRuntime, String> name;
  private final Wanted wanted;
  private final Renderer renderer;

  ManagedKind(
      Class<? extends HasMetadata> type,
      Function<AgentRuntime, String> name,
      Wanted wanted,
      Renderer renderer) {
    this.type = type;
    this.name = name;
    this.wanted = wanted;
    this.renderer = renderer;
  }

  /** The entries whose kinds {@code addOn}'s CRDs define. */
  public static List<ManagedKind> of(AddOn addOn) {
    return Arrays.stream(values())
        .filter(kind -> kind.addOn().filter(addOn::equals).isPresent())
        .toList();
  }

  /** The model class of the kind, e.g. {@code DestinationRule.class}. */
  public Class<? extends HasMetadata> type() {
    return type;
  }

  /** The add-on whose CRD serves the kind; empty for a kind of Kubernetes itself. */
  public Optional<AddOn> addOn() {
    return AddOn.of(type);
  }

  /** Whether the kind is cluster-scoped (Karpenter's NodePool), so its object has no namespace. */
  public boolean clusterScoped() {
    return !Namespaced.class.isAssignableFrom(type);
  }

  /**
   * The object's name, known without rendering it (to find it once the spec no longer wants it).
   */
  public String name(AgentRuntime cr) {
    return name.apply(cr);
  }

  /**
   * Whether {@code cr}'s spec ({@code spec}, its defaults applied) wants the object on a cluster
   * with {@code addOns}, leaving aside whether its own add-on is one of them (the status reports a
   * wanted object whose add-on is missing).
   */
  public boolean wantedBy(AgentRuntime cr, EffectiveSpec spec, InstalledAddOns addOns) {
    return wanted.test(cr, spec, addOns);
  }

  /**
   * Whether a cluster with {@code addOns} gets the object of {@code cr}: wanted, add-on present.
   */
  public boolean appliedFor(AgentRuntime cr, EffectiveSpec spec, InstalledAddOns addOns) {
    return addOn().map(addOns::has).orElse(true) && wantedBy(cr, spec, addOns);
  }

  /**
   * The object of a valid {@code cr} whose spec ({@code spec}, its defaults applied) {@link
   * #wantedBy wants} it; namespace set.
   */
  public HasMetadata render(AgentRuntime cr, EffectiveSpec spec, RenderSettings settings) {
    return renderer.render(cr, spec, settings);
  }

  /** When the spec wants an entry's object. */
  @FunctionalInterface
  interface Wanted {
    boolean test(AgentRuntime cr, EffectiveSpec spec, InstalledAddOns addOns);
  }

  /** How an entry's object is rendered. */
  @FunctionalInterface
  interface Renderer {
    HasMetadata render(AgentRuntime cr, EffectiveSpec spec, RenderSettings settings);
  }

  private static Wanted always() {
    return (cr, spec, addOns) -> true;
  }

  /** A renderer that reads no default and nothing of the operator's settings. */
  private static Renderer plain(Function<AgentRuntime, ? extends HasMetadata> renderer) {
    return (cr, spec, settings) -> renderer.apply(cr);
  }

  /** A renderer that reads the effective spec and nothing of the operator's settings. */
  private static Renderer effective(
      BiFunction<AgentRuntime, EffectiveSpec, ? extends HasMetadata> renderer) {
    return (cr, spec, settings) -> renderer.apply(cr, spec);
  }
}
