package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Alert thresholds of the runtime's PrometheusRule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AlertThresholds {

  @Min(1)
  @JsonPropertyDescription(
      "p95 dispatch latency, in milliseconds, above which a warning fires. Default 750.")
  private Integer latencyP95WarningMs;

  @Min(1)
  @JsonPropertyDescription(
      "p95 dispatch latency, in milliseconds, above which a critical alert "
          + "fires. Default 1000.")
  private Integer latencyP95CriticalMs;

  @Min(1)
  @JsonPropertyDescription(
      "p95 time to the first byte of streamed answers, in milliseconds, above which a warning"
          + " fires. Default 2000.")
  private Integer firstByteP95WarningMs;

  @Min(1)
  @JsonPropertyDescription(
      "p95 time to the first byte of streamed answers, in milliseconds, above which a critical"
          + " alert fires. Default 5000.")
  private Integer firstByteP95CriticalMs;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Error rate, in percent, above which a warning fires. Default 2.")
  private Double errorRateWarningPercent;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Error rate, in percent, above which a critical alert fires. Default 5.")
  private Double errorRateCriticalPercent;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Availability, in percent, below which a warning fires. Default 99.8.")
  private Double availabilityWarningPercent;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Availability, in percent, below which a critical alert fires. Default 99.5.")
  private Double availabilityCriticalPercent;

  @Min(1)
  @JsonPropertyDescription(
      "Requests per minute below which a warning fires. Unset: 80 % of"
          + " monitoring.expectedRequestsPerMinute, and no throughput alert without it.")
  private Integer throughputFloorPerMinute;

  public Integer getLatencyP95WarningMs() {
    return latencyP95WarningMs;
  }

  public void setLatencyP95WarningMs(Integer latencyP95WarningMs) {
    this.latencyP95WarningMs = latencyP95WarningMs;
  }

  public Integer getLatencyP95CriticalMs() {
    return latencyP95CriticalMs;
  }

  public void setLatencyP95CriticalMs(Integer latencyP95CriticalMs) {
    this.latencyP95CriticalMs = latencyP95CriticalMs;
  }

  public Integer getFirstByteP95WarningMs() {
    return firstByteP95WarningMs;
  }

  public void setFirstByteP95WarningMs(Integer firstByteP95WarningMs) {
    this.firstByteP95WarningMs = firstByteP95WarningMs;
  }

  public Integer getFirstByteP95CriticalMs() {
    return firstByteP95CriticalMs;
  }

  public void setFirstByteP95CriticalMs(Integer firstByteP95CriticalMs) {
    this.firstByteP95CriticalMs = firstByteP95CriticalMs;
  }

  public Double getErrorRateWarningPercent() {
    return errorRateWarningPercent;
  }

  public void setErrorRateWarningPercent(Double errorRateWarningPercent) {
    this.errorRateWarningPercent = errorRateWarningPercent;
  }

  public Double getErrorRateCriticalPercent() {
    return errorRateCriticalPercent;
  }

  public void setErrorRateCriticalPercent(Double errorRateCriticalPercent) {
    this.errorRateCriticalPercent = errorRateCriticalPercent;
  }

  public Double getAvailabilityWarningPercent() {
    return availabilityWarningPercent;
  }

  public void setAvailabilityWarningPercent(Double availabilityWarningPercent) {
    this.availabilityWarningPercent = availabilityWarningPercent;
  }

  public Double getAvailabilityCriticalPercent() {
    return availabilityCriticalPercent;
  }

  public void setAvailabilityCriticalPercent(Double availabilityCriticalPercent) {
    this.availabilityCriticalPercent = availabilityCriticalPercent;
  }

  public Integer getThroughputFloorPerMinute() {
    return throughputFloorPerMinute;
  }

  public void setThroughputFloorPerMinute(Integer throughputFloorPerMinute) {
    this.throughputFloorPerMinute = throughputFloorPerMinute;
  }
}
