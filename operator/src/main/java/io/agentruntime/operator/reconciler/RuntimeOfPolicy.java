package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicySpec;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GovernancePolicy controller's view of AgentRuntimes: each policy's runtime is its secondary
 * resource, found by name ({@code spec.runtime}) in the policy's namespace. An index of the
 * policies by runtime maps an AgentRuntime back to its policies, so creating a runtime, or changing
 * its spec (another table, say), syncs them again. Status-only changes of a runtime do not.
 */
final class RuntimeOfPolicy {

  private static final String POLICIES_BY_RUNTIME = "policies-by-runtime";

  private RuntimeOfPolicy() {}

  /** The AgentRuntime {@code policy} names; empty when it names none. */
  static Optional<String> runtimeOf(GovernancePolicy policy) {
    return Optional.ofNullable(policy.getSpec()).map(GovernancePolicySpec::getRuntime);
  }

  static InformerEventSource<AgentRuntime, GovernancePolicy> eventSource(
      EventSourceContext<GovernancePolicy> context) {
    var policies = context.getPrimaryCache();
    policies.addIndexer(
        POLICIES_BY_RUNTIME,
        policy ->
            runtimeOf(policy)
                .map(runtime -> List.of(key(policy.getMetadata().getNamespace(), runtime)))
                .orElse(List.of()));
    var configuration =
        InformerEventSourceConfiguration.from(AgentRuntime.class, GovernancePolicy.class)
            .withNamespacesInheritedFromController()
            .withPrimaryToSecondaryMapper(
                (GovernancePolicy policy) ->
                    runtimeOf(policy)
                        .map(
                            runtime ->
                                Set.of(
                                    new ResourceID(runtime, policy.getMetadata().getNamespace())))
                        .orElse(Set.of()))
            .withSecondaryToPrimaryMapper(
                runtime ->
                    policies
                        .byIndex(
                            POLICIES_BY_RUNTIME,
                            key(
                                runtime.getMetadata().getNamespace(),
                                runtime.getMetadata().getName()))
                        .stream()
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .withOnUpdateFilter(
                (updated, previous) ->
                    !Objects.equals(
                        updated.getMetadata().getGeneration(),
                        previous.getMetadata().getGeneration()))
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static String key(String namespace, String runtime) {
    return namespace + "/" + runtime;
  }
}
