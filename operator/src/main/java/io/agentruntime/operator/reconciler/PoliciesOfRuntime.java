package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The AgentRuntime controller's view of GovernancePolicies: a change to a policy (its status
 * included, written after each push to the table) reconciles the runtime it names and the runtime
 * it was last written for, so their {@code policySetVersion} follows every push.
 */
final class PoliciesOfRuntime {

  private PoliciesOfRuntime() {}

  static InformerEventSource<GovernancePolicy, AgentRuntime> eventSource(
      EventSourceContext<AgentRuntime> context) {
    var configuration =
        InformerEventSourceConfiguration.from(GovernancePolicy.class, AgentRuntime.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(PoliciesOfRuntime::runtimes)
            .build();
    return new InformerEventSource<>(configuration, context);
  }

  private static Set<ResourceID> runtimes(GovernancePolicy policy) {
    var namespace = policy.getMetadata().getNamespace();
    var runtimes = new HashSet<ResourceID>();
    GovernancePolicyReconciler.runtimeOf(policy)
        .ifPresent(runtime -> runtimes.add(new ResourceID(runtime, namespace)));
    Optional.ofNullable(policy.getStatus())
        .map(GovernancePolicyStatus::getSyncedTo)
        .map(PolicySetLocation::getPolicySet)
        .filter(set -> set.startsWith(namespace + "/"))
        .ifPresent(
            set -> runtimes.add(new ResourceID(set.substring(namespace.length() + 1), namespace)));
    return runtimes;
  }
}
