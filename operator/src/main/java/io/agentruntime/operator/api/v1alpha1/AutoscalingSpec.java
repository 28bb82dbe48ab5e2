package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Tuning of the runtime's horizontal pod autoscaler (autoscaling/v2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {

  @Min(1)
  @Max(100)
  @JsonPropertyDescription(
      "Average CPU utilization, in percent of the requests, the autoscaler "
          + "aims for. Default 60.")
  private Integer targetCPUUtilization;

  @Min(0)
  @Max(3600)
  @JsonPropertyDescription("Seconds of sustained load before scaling up again. Default 60.")
  private Integer scaleUpStabilizationSeconds;

  @Min(0)
  @Max(3600)
  @JsonPropertyDescription("Seconds of low load before scaling down. Default 300.")
  private Integer scaleDownStabilizationSeconds;

  public Integer getTargetCPUUtilization() {
    return targetCPUUtilization;
  }

  public void setTargetCPUUtilization(Integer targetCPUUtilization) {
    this.targetCPUUtilization = targetCPUUtilization;
  }

  public Integer getScaleUpStabilizationSeconds() {
    return scaleUpStabilizationSeconds;
  }

  public void setScaleUpStabilizationSeconds(Integer scaleUpStabilizationSeconds) {
    this.scaleUpStabilizationSeconds = scaleUpStabilizationSeconds;
  }

  public Integer getScaleDownStabilizationSeconds() {
    return scaleDownStabilizationSeconds;
  }

  public void setScaleDownStabilizationSeconds(Integer scaleDownStabilizationSeconds) {
    this.scaleDownStabilizationSeconds = scaleDownStabilizationSeconds;
  }
}
