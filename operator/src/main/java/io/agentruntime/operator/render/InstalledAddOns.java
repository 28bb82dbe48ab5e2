package io.agentruntime.operator.render;

import io.agentruntime.operator.addon.AddOn;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which optional add-ons a cluster has, as far as the operator can use them. The reconciler answers
 * from the CRDs it finds; {@code render --addons} from the command line.
 */
@FunctionalInterface
public interface InstalledAddOns {

  /** Every add-on installed: what {@code render} assumes unless told otherwise. */
  InstalledAddOns ALL = addOn -> true;

  /** Whether the operator can use {@code addOn}'s kinds. */
  boolean has(AddOn addOn);

  /** Exactly {@code addOns} installed. */
  static InstalledAddOns of(Set<AddOn> addOns) {
    Set<AddOn> installed = addOns.isEmpty() ? EnumSet.noneOf(AddOn.class) : EnumSet.copyOf(addOns);
    return installed::contains;
  }
}
