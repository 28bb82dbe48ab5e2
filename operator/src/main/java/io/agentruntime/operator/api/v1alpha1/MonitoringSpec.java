package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** Prometheus monitoring of the runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MonitoringSpec {

  @JsonPropertyDescription("Whether a ServiceMonitor scrapes the runtime. Default true.")
  private Boolean serviceMonitor;

  @JsonPropertyDescription(
      "Whether a PrometheusRule with the runtime's alerts is rendered. Default true.")
  private Boolean alerts;

  @JsonPropertyDescription("Alert thresholds; each defaults to the original system's value.")
  private AlertThresholds thresholds;

  @Min(1)
  @JsonPropertyDescription(
      "Requests per minute the runtime is expected to serve. Set, a warning fires when throughput"
          + " stays below thresholds.throughputFloorPerMinute, by default 80 % of this rate (800"
          + " for the original system's 1000). Unset: idle runtimes raise no throughput alert.")
  private Integer expectedRequestsPerMinute;

  public Boolean getServiceMonitor() {
    return serviceMonitor;
  }

  public void setServiceMonitor(Boolean serviceMonitor) {
    this.serviceMonitor = serviceMonitor;
  }

  public Boolean getAlerts() {
    return alerts;
  }

  public void setAlerts(Boolean alerts) {
    this.alerts = alerts;
  }

  public AlertThresholds getThresholds() {
    return thresholds;
  }

  public void setThresholds(AlertThresholds thresholds) {
    this.thresholds = thresholds;
  }

  public Integer getExpectedRequestsPerMinute() {
    return expectedRequestsPerMinute;
  }

  public void setExpectedRequestsPerMinute(Integer expectedRequestsPerMinute) {
    this.expectedRequestsPerMinute = expectedRequestsPerMinute;
  }
}
