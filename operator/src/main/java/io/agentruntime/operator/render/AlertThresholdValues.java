package io.agentruntime.operator.render;

import io.agentruntime.operator.api.v1alpha1.AgentRuntimeSpec;
import io.agentruntime.operator.api.v1alpha1.AlertThresholds;
import io.agentruntime.operator.api.v1alpha1.MonitoringSpec;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The alert thresholds of a runtime: {@code spec.monitoring.thresholds} with each unset field taken
 * from the original system's alarm table.
 *
 * @param latencyP95WarningMs p95 dispatch latency above which a warning fires
 * @param latencyP95CriticalMs p95 dispatch latency above which a critical alert fires
 * @param firstByteP95WarningMs p95 time to a streamed answer's first byte above which a warning
 *     fires
 * @param firstByteP95CriticalMs the same, for a critical alert
 * @param errorRateWarningPercent share of 5xx answers above which a warning fires
 * @param errorRateCriticalPercent share of 5xx answers above which a critical alert fires
 * @param availabilityWarningPercent share of non-5xx answers below which a warning fires
 * @param availabilityCriticalPercent share of non-5xx answers below which a critical alert fires
 * @param throughputFloorPerMinute requests per minute below which a warning fires; empty: none
 */
public record AlertThresholdValues(
    int latencyP95WarningMs,
    int latencyP95CriticalMs,
    int firstByteP95WarningMs,
    int firstByteP95CriticalMs,
    double errorRateWarningPercent,
    double errorRateCriticalPercent,
    double availabilityWarningPercent,
    double availabilityCriticalPercent,
    OptionalInt throughputFloorPerMinute) {

  /** Default p95 latency warning threshold, in milliseconds. */
  public static final int LATENCY_P95_WARNING_MS = 750;

  /** Default p95 latency critical threshold, in milliseconds. */
  public static final int LATENCY_P95_CRITICAL_MS = 1000;

  /** Default p95 time-to-first-byte warning threshold, in milliseconds. */
  public static final int FIRST_BYTE_P95_WARNING_MS = 2000;

  /** Default p95 time-to-first-byte critical threshold, in milliseconds. */
  public static final int FIRST_BYTE_P95_CRITICAL_MS = 5000;

  /**
   * The default throughput floor as a share of the expected rate: the original system alarmed below
   * 800 requests per minute on an expected 1000.
   */
  public static final double THROUGHPUT_FLOOR_SHARE = 0.8;

  /** Default error rate warning threshold, in percent. */
  public static final double ERROR_RATE_WARNING_PERCENT = 2;

  /** Default error rate critical threshold, in percent. */
  public static final double ERROR_RATE_CRITICAL_PERCENT = 5;

  /** Default availability warning threshold, in percent. */
  public static final double AVAILABILITY_WARNING_PERCENT = 99.8;

  /** Default availability critical threshold, in percent. */
  public static final double AVAILABILITY_CRITICAL_PERCENT = 99.5;

  /** The thresholds of {@code spec}, defaults filled in. */
  public static AlertThresholdValues of(AgentRuntimeSpec spec) {
    AlertThresholds set =
        Optional.ofNullable(spec.getMonitoring())
            .map(MonitoringSpec::getThresholds)
            .orElseGet(AlertThresholds::new);
    return new AlertThresholdValues(
        or(set, AlertThresholds::getLatencyP95WarningMs, LATENCY_P95_WARNING_MS),
        or(set, AlertThresholds::getLatencyP95CriticalMs, LATENCY_P95_CRITICAL_MS),
        or(set, AlertThresholds::getFirstByteP95WarningMs, FIRST_BYTE_P95_WARNING_MS),
        or(set, AlertThresholds::getFirstByteP95CriticalMs, FIRST_BYTE_P95_CRITICAL_MS),
        or(set, AlertThresholds::getErrorRateWarningPercent, ERROR_RATE_WARNING_PERCENT),
        or(set, AlertThresholds::getErrorRateCriticalPercent, ERROR_RATE_CRITICAL_PERCENT),
        or(set, AlertThresholds::getAvailabilityWarningPercent, AVAILABILITY_WARNING_PERCENT),
        or(set, AlertThresholds::getAvailabilityCriticalPercent, AVAILABILITY_CRITICAL_PERCENT),
        throughputFloor(spec.getMonitoring(), set));
  }

  /**
   * The floor set, else a share of the expected rate; neither set, none: a runtime that declares no
   * expected traffic may be idle without anyone being paged.
   */
  private static OptionalInt throughputFloor(MonitoringSpec monitoring, AlertThresholds set) {
    if (set.getThroughputFloorPerMinute() != null) {
      return OptionalInt.of(set.getThroughputFloorPerMinute());
    }
    if (monitoring == null || monitoring.getExpectedRequestsPerMinute() == null) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(
        (int)
            Math.max(
                1, Math.round(monitoring.getExpectedRequestsPerMinute() * THROUGHPUT_FLOOR_SHARE)));
  }

  private static <T> T or(AlertThresholds set, Function<AlertThresholds, T> getter, T fallback) {
    return Optional.ofNullable(getter.apply(set)).orElse(fallback);
  }
}
