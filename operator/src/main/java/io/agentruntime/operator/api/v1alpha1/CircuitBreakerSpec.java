package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.governance.Durations;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * Connection pool limits and outlier detection (Istio DestinationRule).
 *
 * <p>Outlier detection ejects a runtime pod only for failures of the pod itself: connections
 * refused or reset and requests the mesh timed out. The runtime's own error answers never count,
 * since the runtime answers 502, 503 and 504 for its backends (e.g. 503 {@code backend-saturated}
 * when one intent's backend is full, 504 when it is slow), and ejecting a pod for those would take
 * every other intent's capacity away with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CircuitBreakerSpec {

  @Min(1)
  @JsonPropertyDescription(
      "Consecutive failures of a runtime pod itself (connection refused or reset, request timed"
          + " out by the mesh) that eject it from load balancing. The runtime's own 5xx answers"
          + " about its backends never count. Default 5.")
  private Integer consecutiveLocalOriginFailures;

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("How often endpoints are analysed for ejection. Default 10s.")
  private String interval;

  @Size(max = Durations.MAX_LENGTH)
  @Pattern(Durations.PATTERN)
  @JsonPropertyDescription("Minimum ejection duration. Default 30s.")
  private String baseEjectionTime;

  @Min(0)
  @Max(100)
  @JsonPropertyDescription(
      "Largest share of endpoints that may be ejected, in percent. Default 50.")
  private Integer maxEjectionPercent;

  @Min(1)
  @JsonPropertyDescription("Most TCP connections to the runtime. Default 1000.")
  private Integer maxConnections;

  @Min(1)
  @JsonPropertyDescription("Most requests queued for a connection. Default 200.")
  private Integer maxPendingRequests;

  public Integer getConsecutiveLocalOriginFailures() {
    return consecutiveLocalOriginFailures;
  }

  public void setConsecutiveLocalOriginFailures(Integer consecutiveLocalOriginFailures) {
    this.consecutiveLocalOriginFailures = consecutiveLocalOriginFailures;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getBaseEjectionTime() {
    return baseEjectionTime;
  }

  public void setBaseEjectionTime(String baseEjectionTime) {
    this.baseEjectionTime = baseEjectionTime;
  }

  public Integer getMaxEjectionPercent() {
    return maxEjectionPercent;
  }

  public void setMaxEjectionPercent(Integer maxEjectionPercent) {
    this.maxEjectionPercent = maxEjectionPercent;
  }

  public Integer getMaxConnections() {
    return maxConnections;
  }

  public void setMaxConnections(Integer maxConnections) {
    this.maxConnections = maxConnections;
  }

  public Integer getMaxPendingRequests() {
    return maxPendingRequests;
  }

  public void setMaxPendingRequests(Integer maxPendingRequests) {
    this.maxPendingRequests = maxPendingRequests;
  }
}
