/**
 * The optional add-ons the operator drives ({@link io.agentruntime.operator.addon.AddOn}: Istio,
 * Karpenter, KEDA, prometheus-operator), and the kinds of those fabric8 has no model for, reduced
 * to what the operator writes: typed so that informers and CRD checks work without API discovery,
 * with a free-form spec rendered by the {@code render} package. Their CRDs belong to the add-ons,
 * so none is generated here.
 */
package io.agentruntime.operator.addon;
