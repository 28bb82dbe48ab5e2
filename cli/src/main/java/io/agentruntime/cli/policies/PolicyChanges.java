package io.agentruntime.cli.policies;

import io.agentruntime.governance.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What push changes: compares the files' policies with the table's by id. */
final class PolicyChanges {
  private PolicyChanges() {}

  /**
   * The changes that make the table hold the files' policies: additions and changes in file order,
   * then (with {@code prune}) removals in table order. Policies equal in Cedar text, mode and rate
   * limit are left alone, so pushing the same files twice changes nothing the second time.
   */
  static List<PolicyChange> between(
      List<PolicyDocument> files, List<PolicyDocument> table, boolean prune) {
    Map<String, PolicyDocument> stored = new LinkedHashMap<>();
    table.forEach(policy -> stored.put(policy.id(), policy));
    List<PolicyChange> changes = new ArrayList<>();
    for (PolicyDocument policy : files) {
      PolicyDocument before = stored.remove(policy.id());
      if (before == null) {
        changes.add(new PolicyChange.Added(policy));
      } else if (!sameContent(before, policy)) {
        changes.add(new PolicyChange.Changed(before, policy));
      }
    }
    if (prune) {
      stored.values().forEach(policy -> changes.add(new PolicyChange.Removed(policy)));
    }
    return List.copyOf(changes);
  }

  /** Equal as the runtime sees them; where a policy came from does not matter. */
  private static boolean sameContent(PolicyDocument a, PolicyDocument b) {
    return a.cedar().equals(b.cedar()) && a.mode() == b.mode() && a.limits().equals(b.limits());
  }
}
