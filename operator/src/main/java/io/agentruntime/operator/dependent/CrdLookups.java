package io.agentruntime.operator.dependent;

import io.agentruntime.operator.render.InstalledAddOns;
import io.agentruntime.operator.render.ManagedKind;
import io.agentruntime.operator.status.AddOnCrd;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cluster holds of the CustomResourceDefinitions of the add-on kinds the operator applies
 * (Istio, Karpenter, KEDA, prometheus-operator): whether each serves the version the operator
 * writes (the kind's class names it, e.g. Istio's {@code v1}) and is Established. One instance per
 * operator, shared by its reconciliations.
 *
 * <p>A usable CRD is remembered for the life of the operator. Any other is looked up again at most
 * once per {@link #recheckInterval}, with no limit on the number of lookups (JOSDK's own CRD check
 * gives up after ten), so installing or upgrading an add-on later takes effect without restarting
 * the operator.
 */
public final class CrdLookups {

  private record Lookup(AddOnCrd crd, Instant at) {}

  private final Map<String, Lookup> lookups = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration recheckInterval;

  /**
   * @param clock when lookups happen
   * @param recheckInterval the least time between two lookups of a CRD the operator could not use
   */
  public CrdLookups(Clock clock, Duration recheckInterval) {
    this.clock = clock;
    this.recheckInterval = recheckInterval;
  }

  /** The least time between two lookups of a CRD the operator could not use. */
  public Duration recheckInterval() {
    return recheckInterval;
  }

  /** Whether the operator can use {@code kind}: its CRD serves the version and is Established. */
  public boolean usable(KubernetesClient client, Class<? extends HasMetadata> kind) {
    return availability(client, kind).usable();
  }

  /** The add-ons every one of whose kinds in {@link ManagedKind} the operator can use. */
  public InstalledAddOns installedAddOns(KubernetesClient client) {
    return addOn -> ManagedKind.of(addOn).stream().allMatch(kind -> usable(client, kind.type()));
  }

  /**
   * What the cluster holds of the CRD of {@code kind}, looking it up only when the last lookup is
   * stale.
   */
  public AddOnCrd availability(KubernetesClient client, Class<? extends HasMetadata> kind) {
    Instant now = clock.instant();
    return lookups
        .compute(
            HasMetadata.getFullResourceName(kind),
            (name, last) ->
                last != null
                        && (last.crd().usable() || now.isBefore(last.at().plus(recheckInterval)))
                    ? last
                    : new Lookup(lookUp(client, kind), now))
        .crd();
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
