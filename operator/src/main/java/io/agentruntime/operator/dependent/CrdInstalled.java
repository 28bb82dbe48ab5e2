package io.agentruntime.operator.dependent;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.status.AddOnCrd;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Activation condition of the dependents whose kind comes from an optional add-on (Istio,
 * Karpenter, KEDA, prometheus-operator): the CustomResourceDefinition of the dependent's kind
 * exists, serves the version the operator writes (the kind's class names it, e.g. Istio's {@code
 * v1}) and is Established. Until it does the dependent is skipped and no informer watches its kind,
 * so the operator runs without the add-on, and an older add-on (one whose CRD lacks that version)
 * is reported ({@link #availability}) instead of failing every reconciliation with 404.
 *
 * <p>A usable CRD is remembered for the life of the process. Any other is looked up again during a
 * reconciliation at most once per {@link #CHECK_INTERVAL}, with no limit on the number of lookups
 * (JOSDK's own CRD check gives up after ten), so installing or upgrading an add-on later takes
 * effect without restarting the operator. It can also be asked outside a dependent ({@link
 * #isInstalled}): the model servers' HPA stands down once KEDA is installed.
 *
 * @param <R> the dependent's kind
 */
public final class CrdInstalled<R extends HasMetadata> implements Condition<R, AgentRuntime> {

  /** The least time between two lookups of a CRD the operator could not use. */
  public static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  private record Lookup(AddOnCrd crd, Instant at) {}

  private static final Map<String, Lookup> LOOKUPS = new ConcurrentHashMap<>();
  private static final Clock CLOCK = Clock.systemUTC();

  @Override
  public boolean isMet(
      DependentResource<R, AgentRuntime> dependent,
      AgentRuntime primary,
      Context<AgentRuntime> context) {
    return isInstalled(context.getClient(), dependent.resourceType());
  }

  /** Whether the operator can use {@code kind}: its CRD serves the version and is Established. */
  public static boolean isInstalled(KubernetesClient client, Class<? extends HasMetadata> kind) {
    return availability(client, kind).usable();
  }

  /**
   * What the cluster holds of the CRD of {@code kind}, looking it up only when the last lookup is
   * stale.
   */
  public static AddOnCrd availability(KubernetesClient client, Class<? extends HasMetadata> kind) {
    Instant now = CLOCK.instant();
    return LOOKUPS
        .compute(
            HasMetadata.getFullResourceName(kind),
            (name, last) ->
                last != null
                        && (last.crd().usable() || now.isBefore(last.at().plus(CHECK_INTERVAL)))
                    ? last
                    : new Lookup(lookUp(client, kind), now))
        .crd();
  }

  /** Forgets every lookup, as a restart would (tests install and remove CRDs). */
  public static void forgetLookups() {
    LOOKUPS.clear();
  }

  private static AddOnCrd lookUp(KubernetesClient client, Class<? extends HasMetadata> kind) {
    String name = HasMetadata.getFullResourceName(kind);
    String version = HasMetadata.getVersion(kind);
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    if (crd == null) {
      return new AddOnCrd(
          HasMetadata.getKind(kind), name, version, AddOnCrd.State.MISSING, List.of());
    }
    List<String> served =
        crd.getSpec().getVersions().stream()
            .filter(v -> Boolean.TRUE.equals(v.getServed()))
            .map(CustomResourceDefinitionVersion::getName)
            .toList();
    AddOnCrd.State state;
    if (!served.contains(version)) {
      state = AddOnCrd.State.VERSION_NOT_SERVED;
    } else if (!established(crd)) {
      state = AddOnCrd.State.NOT_ESTABLISHED;
    } else {
      state = AddOnCrd.State.USABLE;
    }
    return new AddOnCrd(HasMetadata.getKind(kind), name, version, state, served);
  }

  /** Whether the API server serves the CRD's resources: its Established condition is True. */
  private static boolean established(CustomResourceDefinition crd) {
    return Optional.ofNullable(crd.getStatus())
        .map(status -> status.getConditions())
        .orElse(List.of())
        .stream()
        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
