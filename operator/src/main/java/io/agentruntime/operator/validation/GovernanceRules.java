package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.DynamoDbStoreSpec;
import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** Governance: store, refresh interval and the staleness bound. */
final class GovernanceRules {

  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

  private GovernanceRules() {}

  static void check(GovernanceSpec governance, FieldChecks checks) {
    if (governance == null) {
      return;
    }
    Optional<Duration> refresh =
        checks.duration("spec.governance.refreshInterval", governance.getRefreshInterval());
    Optional<Duration> staleness =
        checks.duration("spec.governance.maxStaleness", governance.getMaxStaleness());
    refresh.filter(Duration::isZero).ifPresent(zero -> positive(checks, "refreshInterval"));
    staleness.filter(Duration::isZero).ifPresent(zero -> positive(checks, "maxStaleness"));
    if (refresh.isPresent()
        && staleness.isPresent()
        && staleness.get().compareTo(refresh.get()) < 0) {
      checks.fail(
          "spec.governance.maxStaleness",
          "must be at least refreshInterval (" + governance.getRefreshInterval() + ")");
    }
    if (governance.getStore() != null
        && checks.required("spec.governance.store.dynamodb", governance.getStore().getDynamodb())) {
      checkDynamoDb(governance.getStore().getDynamodb(), checks);
    }
  }

  private static void positive(FieldChecks checks, String name) {
    checks.fail("spec.governance." + name, "must be greater than zero");
  }

  private static void checkDynamoDb(DynamoDbStoreSpec dynamodb, FieldChecks checks) {
    String field = "spec.governance.store.dynamodb.";
    String table = dynamodb.getTable();
    if (checks.required(field + "table", table) && !TABLE.matcher(table).matches()) {
      checks.fail(
          field + "table", "'" + table + "' must be 3-255 letters, digits, '_', '.' or '-'");
    }
    String region = dynamodb.getRegion();
    if (region != null && !REGION.matcher(region).matches()) {
      checks.fail(field + "region", "'" + region + "' is not an AWS region such as us-east-1");
    }
  }
}
