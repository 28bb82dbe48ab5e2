package io.agentruntime.cli.policies;

import io.agentruntime.governance.Budget;
import io.agentruntime.governance.PolicyDocument;
import io.agentruntime.governance.PolicySetSnapshot;
import io.agentruntime.governance.RateLimit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy set as {@code policies list} prints it.
 *
 * @param target the table and set that were read
 * @param snapshot what was read
 */
record PolicyListing(StoreTarget target, PolicySetSnapshot snapshot) {
  private static final String[] HEADINGS = {"ID", "MODE", "RATE LIMIT", "BUDGETS", "CEDAR"};
  private static final String NONE = "-";

  /** The output formats of {@code -o}. */
  enum Format {
    TABLE,
    JSON
  }

  /** The listing, ending with a line break. */
  String render(Format format) {
    return switch (format) {
      case TABLE -> table();
      case JSON -> json().encodePrettily() + System.lineSeparator();
    };
  }

  private String table() {
    StringBuilder text = new StringBuilder();
    text.append(target.describe())
        .append(": version ")
        .append(snapshot.version())
        .append(", ")
        .append(snapshot.policies().size())
        .append(snapshot.policies().size() == 1 ? " policy" : " policies")
        .append(System.lineSeparator());
    if (snapshot.policies().isEmpty()) {
      return text.toString();
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADINGS);
    for (PolicyDocument policy : snapshot.policies()) {
      rows.add(
          new String[] {
            policy.id(),
            policy.mode().displayName(),
            policy.rateLimit().map(RateLimit::toString).orElse(NONE),
            budgets(policy),
            firstStatementLine(policy.cedar())
          });
    }
    int[] widths = new int[HEADINGS.length - 1];
    for (String[] row : rows) {
      for (int column = 0; column < widths.length; column++) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    for (String[] row : rows) {
      for (int column = 0; column < widths.length; column++) {
        text.append(row[column]).append(" ".repeat(widths[column] - row[column].length() + 2));
      }
      text.append(row[widths.length]).append(System.lineSeparator());
    }
    return text.toString();
  }

  /** {@code tokens 200000/1d per principal, cost 50 USD/1mo per runtime}, or {@code -}. */
  private static String budgets(PolicyDocument policy) {
    List<Budget> budgets = policy.limits().budgets();
    return budgets.isEmpty()
        ? NONE
        : String.join(", ", budgets.stream().map(b -> b.kind().label() + " " + b).toList());
  }

  private JsonObject json() {
    JsonArray policies = new JsonArray();
    for (PolicyDocument policy : snapshot.policies()) {
      policies.add(
          new JsonObject()
              .put("id", policy.id())
              .put("mode", policy.mode().displayName())
              .put("rateLimit", policy.rateLimit().map(RateLimit::toString).orElse(null))
              .put(
                  Budget.Kind.TOKENS.attribute(),
                  policy.limits().tokenBudget().map(Budget::toString).orElse(null))
              .put(
                  Budget.Kind.COST.attribute(),
                  policy.limits().costBudget().map(Budget::toString).orElse(null))
              .put("cedar", policy.cedar()));
    }
    return new JsonObject()
        .put("table", target.table())
        .put("runtime", target.set().toString())
        .put("version", snapshot.version())
        .put("policies", policies);
  }

  /**
   * The policy's first line that says what it does: stored policies begin with their annotations
   * ({@code @id}, {@code @mode}), which the other columns already show.
   */
  private static String firstStatementLine(String cedar) {
    return cedar
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("@") && !line.startsWith("//"))
        .findFirst()
        .orElse("");
  }
}
