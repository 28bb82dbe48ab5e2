package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import java.util.List;

/**
 * Everything a cluster gets for an AgentRuntime, in apply order: the entries of {@link ManagedKind}
 * the spec wants whose add-on the cluster has, which is what the reconciler's workflow applies.
 */
public final class AgentRuntimeRenderer {

  private AgentRuntimeRenderer() {}

  /**
   * The objects of a valid {@code cr} (see {@code AgentRuntimeValidator}) on a cluster with every
   * add-on, for an operator installed with the chart's defaults; namespace set.
   */
  public static List<HasMetadata> render(AgentRuntime cr) {
    return render(cr, InstalledAddOns.ALL, RenderSettings.DEFAULTS);
  }

  /** The objects of a valid {@code cr} on a cluster with {@code addOns}; namespace set. */
  public static List<HasMetadata> render(
      AgentRuntime cr, InstalledAddOns addOns, RenderSettings settings) {
    EffectiveSpec spec = EffectiveSpec.of(cr.getSpec());
    return Arrays.stream(ManagedKind.values())
        .filter(kind -> kind.appliedFor(cr, spec, addOns))
        .map(kind -> kind.render(cr, spec, settings))
        .toList();
  }

  /** Whether the runtime's traffic goes through Istio: a mesh policy or locality failover. */
  public static boolean usesMesh(AgentRuntimeSpec spec) {
    return spec.getMesh() != null || spec.getFailover() != null;
  }
}
