package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;

/** GPUs per inference replica and where they come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GpuSpec {

  @Min(1)
  @Max(16)
  @JsonPropertyDescription("GPUs per replica. Default 1.")
  private Integer count;

  @JsonPropertyDescription("EC2 instance families that may host the pool, e.g. g6, g5.")
  private List<String> instanceFamilies;

  @JsonPropertyDescription("on-demand or spot. Default on-demand.")
  private CapacityType capacityType;

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }

  public List<String> getInstanceFamilies() {
    return instanceFamilies;
  }

  public void setInstanceFamilies(List<String> instanceFamilies) {
    this.instanceFamilies = instanceFamilies;
  }

  public CapacityType getCapacityType() {
    return capacityType;
  }

  public void setCapacityType(CapacityType capacityType) {
    this.capacityType = capacityType;
  }
}
