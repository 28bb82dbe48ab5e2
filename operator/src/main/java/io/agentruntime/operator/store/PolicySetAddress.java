package io.agentruntime.operator.store;

import io.agentruntime.governance.store.dynamodb.PolicySetKey;
import io.agentruntime.operator.api.v1alpha1.PolicySetLocation;
import java.util.Objects;

/**
 * One runtime's policy set in one DynamoDB table.
 *
 * @param table the table's name
 * @param region the table's AWS region
 * @param set the policy set, {@code <namespace>/<runtime>}
 */
public record PolicySetAddress(String table, String region, PolicySetKey set) {

  /** Rejects missing parts. */
  public PolicySetAddress {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(set, "set");
  }

  /** The address a GovernancePolicy's status recorded. */
  public static PolicySetAddress of(PolicySetLocation location) {
    var set = location.getPolicySet().split("/", 2);
    if (set.length != 2) {
      throw new IllegalArgumentException(
          "status.syncedTo.policySet must be <namespace>/<runtime>, got "
              + location.getPolicySet());
    }
    return new PolicySetAddress(
        location.getTable(), location.getRegion(), new PolicySetKey(set[0], set[1]));
  }

  /** This address as a GovernancePolicy's status records it. */
  public PolicySetLocation toLocation() {
    return new PolicySetLocation(table, region, set.toString());
  }

  @Override
  public String toString() {
    return "policy set " + set + " in DynamoDB table '" + table + "' (" + region + ")";
  }
}
