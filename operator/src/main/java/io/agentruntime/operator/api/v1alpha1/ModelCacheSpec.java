package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Quantity;

/** A persistent volume caching model weights across restarts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelCacheSpec {

  @Required
  @JsonPropertyDescription("Volume size, e.g. 100Gi.")
  private Quantity size;

  @JsonPropertyDescription("Storage class of the volume. Default: the cluster default.")
  private String storageClassName;

  public Quantity getSize() {
    return size;
  }

  public void setSize(Quantity size) {
    this.size = size;
  }

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }
}
