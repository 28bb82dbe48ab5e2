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
 * Activation condition of dependents whose kind comes from an optional add-on (Karpenter, KEDA):
 * the add-on's CustomResourceDefinition exists. Until it does the dependent is skipped and no
 * informer watches its kind, so the operator runs without the add-on.
 *
 * <p>Unlike JOSDK's own CRD check it can be asked outside a dependent (the model servers' HPA
 * stands down once KEDA is installed). A found CRD is remembered for the life of the process; a
 * missing one is looked up again at most once per {@link #CHECK_INTERVAL}, so installing the add-on
 * later takes effect without a restart.
 *
 * @param <R> the dependent's kind
 */
public abstract class CrdInstalled<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  /** The least time between two lookups of a missing CRD. */
  public static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  private record Lookup(boolean found, Instant at) {}

  private static final Map<String, Lookup> LOOKUPS = new ConcurrentHashMap<>();

  private final String crdName;
  private final Clock clock;

  /**
   * @param crdName the CRD's name, {@code <plural>.<group>}
   */
  protected CrdInstalled(String crdName) {
    this(crdName, Clock.systemUTC());
  }

  CrdInstalled(String crdName, Clock clock) {
    this.crdName = crdName;
    this.clock = clock;
  }

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return isInstalled(context.getClient());
  }

  /** Whether the CRD exists, looking it up only when the last lookup is stale. */
  public boolean isInstalled(KubernetesClient client) {
    Instant now = clock.instant();
    Lookup lookup =
        LOOKUPS.compute(
            crdName,
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
