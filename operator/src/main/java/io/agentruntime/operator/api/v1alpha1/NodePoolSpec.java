package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;

/** The Karpenter NodePool of the inference pool. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NodePoolSpec {

  @JsonPropertyDescription("Whether the operator creates a dedicated NodePool. Default true.")
  private Boolean create;

  @Size(max = 253)
  @JsonPropertyDescription("The EC2NodeClass the NodePool uses. Default default.")
  private String nodeClassName;

  @Min(1)
  @JsonPropertyDescription("Most GPUs the NodePool may provision in total.")
  private Integer gpuLimit;

  public Boolean getCreate() {
    return create;
  }

  public void setCreate(Boolean create) {
    this.create = create;
  }

  public String getNodeClassName() {
    return nodeClassName;
  }

  public void setNodeClassName(String nodeClassName) {
    this.nodeClassName = nodeClassName;
  }

  public Integer getGpuLimit() {
    return gpuLimit;
  }

  public void setGpuLimit(Integer gpuLimit) {
    this.gpuLimit = gpuLimit;
  }
}
