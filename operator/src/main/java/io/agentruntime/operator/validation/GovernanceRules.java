package io.agentruntime.operator.validation;

import io.agentruntime.operator.api.v1alpha1.GovernanceSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Governance: the refresh interval and the staleness bound, which the CRD schema cannot relate. The
 * schema states the durations' form, the store's required table and the table's and region's
 * patterns.
 */
final class GovernanceRules {

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
  }

  private static void positive(FieldChecks checks, String name) {
    checks.fail("spec.governance." + name, "must be greater than zero");
  }
}
