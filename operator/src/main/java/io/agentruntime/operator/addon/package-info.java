/**
 * Kinds of the optional add-ons the operator drives (Karpenter, KEDA, prometheus-operator), reduced
 * to what it writes: typed so that informers and CRD checks work without API discovery, with a
 * free-form spec rendered by the {@code render} package. Their CRDs belong to the add-ons, so none
 * is generated here.
 */
package io.agentruntime.operator.addon;
