package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.agentruntime.operator.api.schema.QuantitySchema;
import io.agentruntime.operator.api.schema.SchemaMergePatch;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Quantity;

/** A persistent volume caching model weights across restarts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = SchemaMergePatch.class,
    input = "{\"properties\": {\"size\": " + QuantitySchema.SCHEMA + "}}")
public class ModelCacheSpec {

  @Required
  @JsonPropertyDescription("Volume size, e.g. 100Gi.")
  private Quantity size;

  @Size(max = 253)
  @JsonPropertyDescription("Storage class of the volume. Default: the cluster default.")
  private String storageClassName;

  @JsonPropertyDescription(
      "The access mode the storage class offers: ReadWriteMany (EFS on EKS) lets every model"
          + " server share the volume; ReadWriteOnce (EBS classes such as gp3) holds one, so"
          + " inference.replicas.max must then be 1. Default: ReadWriteMany when replicas.max is"
          + " above 1, else ReadWriteOnce.")
  private VolumeAccessMode accessMode;

  public Quantity getSize() {
    return size;
  }

  public void setSize(Quantity size) {
    this.size = size;
  }

  public VolumeAccessMode getAccessMode() {
    return accessMode;
  }

  public void setAccessMode(VolumeAccessMode accessMode) {
    this.accessMode = accessMode;
  }

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }
}
