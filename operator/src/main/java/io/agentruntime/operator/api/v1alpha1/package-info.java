/**
 * The {@code agentruntime.io/v1alpha1} API: the {@link
 * io.agentruntime.operator.api.v1alpha1.AgentRuntime} and {@link
 * io.agentruntime.operator.api.v1alpha1.GovernancePolicy} custom resources, their spec sections and
 * statuses. The CRD in {@code crds/} is generated from these classes; the
 * {@code @JsonPropertyDescription} texts are what {@code kubectl explain} shows.
 */
package io.agentruntime.operator.api.v1alpha1;
