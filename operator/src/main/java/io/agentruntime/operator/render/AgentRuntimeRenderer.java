package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything rendered for an AgentRuntime, in apply order: identity, configuration and access rules
 * before the pods that use them, the Service, the mesh's traffic policy for it (DestinationRule
 * before the VirtualService whose routes it shapes), then the objects that act on the pods.
 *
 * <p>With {@code spec.mesh} or {@code spec.failover}, the Istio objects are included as if Istio's
 * CRDs were installed; the RequestAuthentication only with {@code spec.mesh.authentication}, the
 * AuthorizationPolicy only when the spec lists allowed principals or sets authentication. With
 * {@code spec.inference}, the model-server pool follows: its NodePool (as if Karpenter were
 * installed) and cache first, its NetworkPolicy and (in the mesh) AuthorizationPolicy before the
 * pods they guard, then its Deployment, Service and HorizontalPodAutoscaler (as where KEDA is not
 * installed). Last come the ServiceMonitor and PrometheusRule, as if prometheus-operator were
 * installed, unless {@code spec.monitoring} turns them off.
 */
public final class AgentRuntimeRenderer {

  private AgentRuntimeRenderer() {}

  /** The objects of a valid {@code cr} (see {@code AgentRuntimeValidator}); namespace set. */
  public static List<HasMetadata> render(AgentRuntime cr) {
    boolean mesh = usesMesh(cr.getSpec());
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(RuntimeServiceAccountRenderer.render(cr));
    objects.add(RuntimeConfigMapRenderer.render(cr));
    if (mesh) {
      objects.add(RuntimePeerAuthenticationRenderer.render(cr));
      RuntimeRequestAuthenticationRenderer.render(cr).ifPresent(objects::add);
      RuntimeAuthorizationPolicyRenderer.render(cr).ifPresent(objects::add);
    }
    objects.add(RuntimeDeploymentRenderer.render(cr));
    objects.add(RuntimeServiceRenderer.render(cr));
    if (mesh) {
      objects.add(RuntimeDestinationRuleRenderer.render(cr));
      objects.add(RuntimeVirtualServiceRenderer.render(cr));
    }
    objects.add(RuntimeHpaRenderer.render(cr));
    objects.add(RuntimePdbRenderer.render(cr));
    if (cr.getSpec().getInference() != null) {
      objects.addAll(inferencePool(cr));
    }
    if (MonitoringDefaults.serviceMonitor(cr.getSpec())) {
      objects.add(RuntimeServiceMonitorRenderer.render(cr));
    }
    if (MonitoringDefaults.alerts(cr.getSpec())) {
      objects.add(RuntimePrometheusRuleRenderer.render(cr));
    }
    return List.copyOf(objects);
  }

  private static List<HasMetadata> inferencePool(AgentRuntime cr) {
    List<HasMetadata> objects = new ArrayList<>();
    if (InferenceDefaults.createsNodePool(cr.getSpec().getInference())) {
      objects.add(GpuNodePoolRenderer.render(cr));
    }
    ModelCacheRenderer.render(cr).ifPresent(objects::add);
    objects.add(InferenceNetworkPolicyRenderer.render(cr));
    InferenceAuthorizationPolicyRenderer.render(cr).ifPresent(objects::add);
    objects.add(InferenceDeploymentRenderer.render(cr));
    objects.add(InferenceServiceRenderer.render(cr));
    objects.add(InferenceHpaRenderer.render(cr));
    return objects;
  }

  /** Whether the runtime's traffic goes through Istio: a mesh policy or locality failover. */
  public static boolean usesMesh(AgentRuntimeSpec spec) {
    return spec.getMesh() != null || spec.getFailover() != null;
  }
}
