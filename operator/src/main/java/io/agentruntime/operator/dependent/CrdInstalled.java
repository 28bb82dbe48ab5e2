package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activation condition of the dependents whose kind comes from an optional add-on (Istio,
 * Karpenter, KEDA, prometheus-operator): the CustomResourceDefinition of the dependent's kind
 * exists. Until it does the dependent is skipped and no informer watches its kind, so the operator
 * runs without the add-on.
 *
 * <p>A found CRD is remembered for the life of the process. A missing one is looked up again during
 * a reconciliation at most once per {@link #CHECK_INTERVAL}, with no limit on the number of lookups
 * (JOSDK's own CRD check gives up after ten), so installing an add-on later takes effect without
 * restarting the operator. It can also be asked outside a dependent ({@link #isInstalled}): the
 * model servers' HPA stands down once KEDA is installed.
 *
 * @param <R> the dependent's kind
 */
public final class CrdInstalled<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  /** The least time between two lookups of a missing CRD. */
  public static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  private record Lookup(boolean found, Instant at) {}

  private static final Map<String, Lookup> LOOKUPS = new ConcurrentHashMap<>();
  private static final Clock CLOCK = Clock.systemUTC();

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return isInstalled(context.getClient(), dependent.resourceType());
  }

  /** Whether the CRD of {@code kind} exists, looking it up only when the last lookup is stale. */
  public static boolean isInstalled(KubernetesClient client, Class<? extends HasMetadata> kind) {
    Instant now = CLOCK.instant();
    Lookup lookup =
        LOOKUPS.compute(
            HasMetadata.getFullResourceName(kind),
            (name, last) ->
                last != null && (last.found() || now.isBefore(last.at().plus(CHECK_INTERVAL)))
                    ? last
                    : new Lookup(exists(client, name), now));
    return lookup.found();
  }

  /** Forgets every lookup, as a restart would (tests install and remove CRDs). */
  public static void forgetLookups() {
    LOOKUPS.clear();
  }

  private static boolean exists(KubernetesClient client, String name) {
    return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
  }
}
