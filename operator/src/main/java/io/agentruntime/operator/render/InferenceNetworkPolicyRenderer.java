package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes NetworkPolicy {@code <n>-inference}: the model servers accept connections only
 * from their own runtime's pods, and from Prometheus to scrape the queue depth their autoscaler
 * scales on. It holds with or without Istio, wherever the cluster's network plugin enforces
 * NetworkPolicies (on EKS the VPC CNI's, once enabled).
 *
 * <p>The model server's port serves its API and its metrics alike, and a NetworkPolicy sees ports,
 * not paths: the Prometheus pods admitted could also call the API. With Istio, the mesh's
 * AuthorizationPolicy ({@link InferenceAuthorizationPolicyRenderer}) narrows them to {@code GET
 * /metrics}, and they may also reach Istio's merged metrics port. The kubelet's probes come from
 * the node, which NetworkPolicies never block. Egress stays open: a model server downloads its
 * weights from outside the cluster.
 */
public final class InferenceNetworkPolicyRenderer {

  /** Istio's merged Prometheus endpoint on every pod with a sidecar ({@code /stats/prometheus}). */
  public static final int ISTIO_METRICS_PORT = 15020;

  /** The label Kubernetes gives every namespace with its own name. */
  private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  private InferenceNetworkPolicyRenderer() {}

  /**
   * The NetworkPolicy of {@code cr}'s model servers; call only when it has an inference section.
   */
  public static NetworkPolicy render(AgentRuntime cr, EffectiveSpec effective) {
    InferenceSettings spec = effective.inferencePool();
    return new NetworkPolicyBuilder()
        .withMetadata(RenderedMetadata.of(cr, ResourceNames.inference(cr), Component.INFERENCE))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Labels.selector(cr, Component.INFERENCE))
        .endPodSelector()
        .withPolicyTypes("Ingress")
        .withIngress(fromRuntime(cr), fromPrometheus(cr, spec))
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule fromRuntime(AgentRuntime cr) {
    return new NetworkPolicyIngressRuleBuilder()
        .addNewFrom()
        .withNewPodSelector()
        .withMatchLabels(Labels.selector(cr, Component.RUNTIME))
        .endPodSelector()
        .endFrom()
        .withPorts(tcp(ResourceNames.INFERENCE_PORT))
        .build();
  }

  private static NetworkPolicyIngressRule fromPrometheus(AgentRuntime cr, InferenceSettings spec) {
    List<NetworkPolicyPort> ports = new ArrayList<>(List.of(tcp(ResourceNames.INFERENCE_PORT)));
    if (AgentRuntimeRenderer.usesMesh(cr.getSpec())) {
      ports.add(tcp(ISTIO_METRICS_PORT));
    }
    return new NetworkPolicyIngressRuleBuilder()
        .addNewFrom()
        .withNewNamespaceSelector()
        .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, spec.metricsNamespace()))
        .endNamespaceSelector()
        .withNewPodSelector()
        .withMatchLabels(spec.metricsPodLabels())
        .endPodSelector()
        .endFrom()
        .withPorts(ports)
        .build();
  }

  private static NetworkPolicyPort tcp(int port) {
    NetworkPolicyPort policyPort = new NetworkPolicyPort();
    policyPort.setProtocol("TCP");
    policyPort.setPort(new IntOrString(port));
    return policyPort;
  }
}
