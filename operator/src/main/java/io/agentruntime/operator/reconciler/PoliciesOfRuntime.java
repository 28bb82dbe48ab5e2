package io.agentruntime.operator.reconciler;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicy;
import io.agentruntime.operator.api.v1alpha1.GovernancePolicyStatus;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The AgentRuntime controller's view of GovernancePolicies: a change to a policy (its status
 * included, written after each push to the table) reconciles the runtime it names and the runtime
 * it was last written for, so their {@code policySetVersion} follows every push.
 *
 * <p>A policy moved to another runtime is removed from the old set before its status says so; the
 * update that drops the old runtime from the status therefore reconciles the old runtime too, which
 * the mapping of the updated policy alone would miss.
 */
final class PoliciesOfRuntime extends InformerEventSource<GovernancePolicy, AgentRuntime> {

  private PoliciesOfRuntime(
      InformerEventSourceConfiguration<GovernancePolicy> configuration,
      EventSourceContext<AgentRuntime> context) {
    super(configuration, context);
  }

  static PoliciesOfRuntime eventSource(EventSourceContext<AgentRuntime> context) {
    var configuration =
        InformerEventSourceConfiguration.from(GovernancePolicy.class, AgentRuntime.class)
            .withNamespacesInheritedFromController()
            .withSecondaryToPrimaryMapper(PoliciesOfRuntime::runtimes)
            .build();
    return new PoliciesOfRuntime(configuration, context);
  }

  @Override
  public void onUpdate(GovernancePolicy previous, GovernancePolicy updated) {
    super.onUpdate(previous, updated);
    var current = runtimes(updated);
    runtimes(previous).stream()
        .filter(runtime -> !current.contains(runtime))
        .forEach(runtime -> getEventHandler().handleEvent(new Event(runtime)));
  }

  private static Set<ResourceID> runtimes(GovernancePolicy policy) {
    var namespace = policy.getMetadata().getNamespace();
    var runtimes = new HashSet<ResourceID>();
    RuntimeOfPolicy.runtimeOf(policy)
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
