package io.agentruntime.cli.policies;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The lines under a change in {@code diff}: where a policy comes from and what differs. */
final class ChangeDetails {
  private ChangeDetails() {}

  static List<String> of(PolicyChange change) {
    return switch (change) {
      case PolicyChange.Added added -> List.of("from " + added.policy().source());
      case PolicyChange.Removed removed -> List.of();
      case PolicyChange.Changed changed -> differences(changed.before(), changed.after());
    };
  }

  private static List<String> differences(PolicyDocument table, PolicyDocument file) {
    List<String> lines = new ArrayList<>();
    if (table.mode() != file.mode()) {
      lines.add("mode: " + table.mode().displayName() + " -> " + file.mode().displayName());
    }
    if (!table.rateLimit().equals(file.rateLimit())) {
      lines.add("rate limit: " + describe(table.rateLimit()) + " -> " + describe(file.rateLimit()));
    }
    for (Budget.Kind kind : Budget.Kind.values()) {
      Optional<Budget> before = table.limits().budget(kind);
      Optional<Budget> after = file.limits().budget(kind);
      if (!before.equals(after)) {
        lines.add(kind.label() + " budget: " + describe(before) + " -> " + describe(after));
      }
    }
    List<String> hunks = UnifiedDiff.between(table.cedar(), file.cedar());
    if (!hunks.isEmpty()) {
      lines.add("--- table");
      lines.add("+++ " + file.source());
      lines.addAll(hunks);
    }
    return lines;
  }

  private static String describe(Optional<?> limit) {
    return limit.map(Object::toString).orElse("none");
  }
}
