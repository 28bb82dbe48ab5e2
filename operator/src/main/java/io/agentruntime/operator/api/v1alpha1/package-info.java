/**
 * The {@code agentruntime.io/v1alpha1} API: the {@link
 * io.agentruntime.operator.api.v1alpha1.AgentRuntime} custom resource, its spec sections and
 * status. The CRD in {@code crds/} is generated from these classes; the
 * {@code @JsonPropertyDescription} texts are what {@code kubectl explain} shows.
 */
package io.agentruntime.operator.api.v1alpha1;
