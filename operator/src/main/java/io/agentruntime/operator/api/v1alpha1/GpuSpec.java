package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** GPUs per inference replica and where they come from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"instanceFamilies\": {\"x-kubernetes-list-type\": \"set\"}}}")
public class GpuSpec {

  /**
   * GPUs per replica when {@code count} is left out: what the renderer requests and what the rule
   * relating {@code nodePool.gpuLimit} to one replica assumes.
   */
  public static final int DEFAULT_COUNT = 1;

  @Min(1)
  @Max(16)
  @JsonPropertyDescription("GPUs per replica. Default 1.")
  private Integer count;

  @Size(max = 16)
  @JsonPropertyDescription("EC2 instance families that may host the pool, e.g. g6, g5.")
  private List<@Size(max = 32) String> instanceFamilies;

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
