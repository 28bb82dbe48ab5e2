package io.agentruntime.operator.render;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.agentruntime.operator.addon.PrometheusRule;
import io.agentruntime.operator.api.v1alpha1.AgentRuntime;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * prometheus-operator's PrometheusRule {@code <n>}: the original system's alarm table as Prometheus
 * alerts on the runtime's own metrics, thresholds from {@code spec.monitoring.thresholds} ({@link
 * AlertThresholdValues}).
 *
 * <p>Every expression selects the series of this runtime alone ({@code namespace} and {@code
 * service} are the target labels its ServiceMonitor produces) and every alert carries those labels,
 * so two runtimes never share an alert. A warning and a critical alert share a name and differ in
 * {@code severity}, so Alertmanager can inhibit the warning while the critical alert fires.
 */
public final class RuntimePrometheusRuleRenderer {

  /** p95 dispatch latency above a threshold. */
  public static final String LATENCY_ALERT = "AgentRuntimeLatencyHigh";

  /** p95 time to a streamed answer's first byte above a threshold. */
  public static final String FIRST_BYTE_ALERT = "AgentRuntimeFirstByteSlow";

  /** Share of 5xx answers above a threshold. */
  public static final String ERROR_RATE_ALERT = "AgentRuntimeErrorRateHigh";

  /** Share of non-5xx answers below a threshold. */
  public static final String AVAILABILITY_ALERT = "AgentRuntimeAvailabilityLow";

  /** Requests per minute below the floor. */
  public static final String THROUGHPUT_ALERT = "AgentRuntimeThroughputLow";

  /** The window every rate and quantile is computed over. */
  private static final String WINDOW = "5m";

  /** How long a condition must hold before its alert fires. */
  private static final String FOR = "5m";

  /** Traffic varies more than latency or errors: a dip must last longer to mean something. */
  private static final String THROUGHPUT_FOR = "10m";

  private static final String REQUESTS = RuntimeMeter.DISPATCH_REQUESTS.prometheusName();
  private static final String DURATION_BUCKETS =
      RuntimeMeter.DISPATCH_DURATION.histogramSeries("bucket");
  private static final String FIRST_BYTE_BUCKETS =
      RuntimeMeter.DISPATCH_FIRST_BYTE.histogramSeries("bucket");

  private RuntimePrometheusRuleRenderer() {}

  /** The PrometheusRule of {@code cr}'s alerts. */
  public static PrometheusRule render(AgentRuntime cr, EffectiveSpec spec) {
    Scope scope = new Scope(cr.getMetadata().getNamespace(), ResourceNames.runtime(cr));
    AlertThresholdValues thresholds = spec.monitoring().thresholds();
    List<Map<String, Object>> rules = new ArrayList<>();
    rules.add(latency(scope, Severity.WARNING, thresholds.latencyP95WarningMs()));
    rules.add(latency(scope, Severity.CRITICAL, thresholds.latencyP95CriticalMs()));
    rules.add(firstByte(scope, Severity.WARNING, thresholds.firstByteP95WarningMs()));
    rules.add(firstByte(scope, Severity.CRITICAL, thresholds.firstByteP95CriticalMs()));
    rules.add(errorRate(scope, Severity.WARNING, thresholds.errorRateWarningPercent()));
    rules.add(errorRate(scope, Severity.CRITICAL, thresholds.errorRateCriticalPercent()));
    rules.add(availability(scope, Severity.WARNING, thresholds.availabilityWarningPercent()));
    rules.add(availability(scope, Severity.CRITICAL, thresholds.availabilityCriticalPercent()));
    thresholds.throughputFloorPerMinute().ifPresent(floor -> rules.add(throughput(scope, floor)));
    PrometheusRule rule = new PrometheusRule();
    rule.setMetadata(RenderedMetadata.of(cr, ResourceNames.runtime(cr), Component.RUNTIME));
    rule.setSpec(
        OrderedFields.of(
            "groups", List.of(OrderedFields.of("name", groupName(scope), "rules", rules))));
    return rule;
  }

  /** The rule group's name, unique per runtime in a Prometheus that loads many. */
  private static String groupName(Scope scope) {
    return "agent-runtime." + scope.namespace() + "." + scope.service();
  }

  private static Map<String, Object> latency(Scope scope, Severity severity, int thresholdMs) {
    String expr = p95Above(DURATION_BUCKETS, scope, thresholdMs);
    return new Alert(
            LATENCY_ALERT,
            severity,
            expr,
            FOR,
            "p95 dispatch latency of %s above %d ms".formatted(scope, thresholdMs),
            "The 95th percentile of POST /dispatch latency over %s has been above %d ms for %s."
                .formatted(WINDOW, thresholdMs, FOR),
            severity.field("latencyP95%sMs"))
        .toRule(scope);
  }

  /**
   * Only streamed answers have a first byte: without streamed traffic there is no series and
   * nothing fires.
   */
  private static Map<String, Object> firstByte(Scope scope, Severity severity, int thresholdMs) {
    return new Alert(
            FIRST_BYTE_ALERT,
            severity,
            p95Above(FIRST_BYTE_BUCKETS, scope, thresholdMs),
            FOR,
            "p95 time to first byte of %s above %d ms".formatted(scope, thresholdMs),
            ("The 95th percentile of the time to the first byte of streamed answers over %s has"
                    + " been above %d ms for %s.")
                .formatted(WINDOW, thresholdMs, FOR),
            severity.field("firstByteP95%sMs"))
        .toRule(scope);
  }

  /** The p95 of a histogram of seconds, above a threshold in milliseconds. */
  private static String p95Above(String buckets, Scope scope, int thresholdMs) {
    return "histogram_quantile(0.95, sum by (le) (rate(%s{%s}[%s]))) > %s"
        .formatted(
            buckets,
            scope.selector(),
            WINDOW,
            number(BigDecimal.valueOf(thresholdMs).movePointLeft(3)));
  }

  private static Map<String, Object> errorRate(Scope scope, Severity severity, double percent) {
    String expr = "%s > %s".formatted(serverErrorPercent(scope), number(percent));
    return new Alert(
            ERROR_RATE_ALERT,
            severity,
            expr,
            FOR,
            "error rate of %s above %s %%".formatted(scope, number(percent)),
            "More than %s %% of POST /dispatch answers over %s have been 5xx for %s."
                .formatted(number(percent), WINDOW, FOR),
            severity.field("errorRate%sPercent"))
        .toRule(scope);
  }

  private static Map<String, Object> availability(Scope scope, Severity severity, double percent) {
    String expr = "100 - %s < %s".formatted(serverErrorPercent(scope), number(percent));
    return new Alert(
            AVAILABILITY_ALERT,
            severity,
            expr,
            FOR,
            "availability of %s below %s %%".formatted(scope, number(percent)),
            "Fewer than %s %% of POST /dispatch answers over %s have been free of 5xx for %s."
                .formatted(number(percent), WINDOW, FOR),
            severity.field("availability%sPercent"))
        .toRule(scope);
  }

  /** Zero traffic, when no series exists at all, is the lowest throughput there is. */
  private static Map<String, Object> throughput(Scope scope, int floorPerMinute) {
    String expr =
        "(sum(rate(%s{%s}[%s])) or vector(0)) * 60 < %d"
            .formatted(REQUESTS, scope.selector(), WINDOW, floorPerMinute);
    return new Alert(
            THROUGHPUT_ALERT,
            Severity.WARNING,
            expr,
            THROUGHPUT_FOR,
            "throughput of %s below %d requests per minute".formatted(scope, floorPerMinute),
            "POST /dispatch has served fewer than %d requests per minute over %s for %s."
                .formatted(floorPerMinute, WINDOW, THROUGHPUT_FOR),
            "throughputFloorPerMinute")
        .toRule(scope);
  }

  /** Percent of answers that were 5xx; no answer at all gives no value, so nothing fires. */
  private static String serverErrorPercent(Scope scope) {
    return "100 * sum(rate(%s{%s,code=~\"5..\"}[%s])) / sum(rate(%s{%s}[%s]))"
        .formatted(REQUESTS, scope.selector(), WINDOW, REQUESTS, scope.selector(), WINDOW);
  }

  /** A threshold as PromQL and people write it: {@code 2}, {@code 99.8}, {@code 0.75}. */
  private static String number(double value) {
    return number(BigDecimal.valueOf(value));
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** The series of one runtime: its namespace and Service. */
  private record Scope(String namespace, String service) {

    String selector() {
      return "namespace=\"%s\",service=\"%s\"".formatted(namespace, service);
    }

    @Override
    public String toString() {
      return namespace + "/" + service;
    }
  }

  /** One alerting rule; {@code field} names the threshold under {@code spec.monitoring}. */
  private record Alert(
      String name,
      Severity severity,
      String expr,
      String forDuration,
      String summary,
      String description,
      String field) {

    Map<String, Object> toRule(Scope scope) {
      return OrderedFields.of(
          "alert",
          name,
          "expr",
          expr,
          "for",
          forDuration,
          "labels",
          OrderedFields.of(
              "severity", severity.label(),
              "namespace", scope.namespace(),
              "service", scope.service()),
          "annotations",
          OrderedFields.of(
              "summary",
              summary,
              "description",
              description + " Threshold: spec.monitoring.thresholds." + field + "."));
    }
  }

  private enum Severity {
    WARNING("warning", "Warning"),
    CRITICAL("critical", "Critical");

    private final String label;
    private final String fieldPart;

    Severity(String label, String fieldPart) {
      this.label = label;
      this.fieldPart = fieldPart;
    }

    String label() {
      return label;
    }

    /** The threshold field of this severity, from a pattern such as {@code errorRate%sPercent}. */
    String field(String pattern) {
      return pattern.formatted(fieldPart);
    }
  }
}
