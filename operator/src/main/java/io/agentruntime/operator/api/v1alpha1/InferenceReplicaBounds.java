package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Bounds of the model-server pool's autoscaler. Unlike the runtime's, the lower bound may be zero:
 * idle GPUs are released (with KEDA).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.min) || !has(self.max) || self.min <= self.max",
    message = "min must not exceed max")
public class InferenceReplicaBounds {

  @Min(0)
  @JsonPropertyDescription(
      "Fewest model-server replicas. 0 scales the pool to zero when idle; that needs KEDA, without"
          + " it the pool keeps one replica. Default 1.")
  private Integer min;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Most model-server replicas. Default 4.")
  private Integer max;

  public Integer getMin() {
    return min;
  }

  public void setMin(Integer min) {
    this.min = min;
  }

  public Integer getMax() {
    return max;
  }

  public void setMax(Integer max) {
    this.max = max;
  }
}
