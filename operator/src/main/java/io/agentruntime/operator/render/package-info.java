/**
 * Pure renderers: an {@link io.agentruntime.operator.api.v1alpha1.AgentRuntime} in, the Kubernetes
 * objects it needs out. Nothing here talks to a cluster or knows the reconcile machinery, so the
 * {@code render} command and the reconciler produce exactly the same objects.
 */
package io.agentruntime.operator.render;
