package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The access mode a storage class offers its volumes. */
public enum VolumeAccessMode {
  /** Mounted by the pods of one node at a time: EBS classes such as gp3. */
  READ_WRITE_ONCE("ReadWriteOnce"),

  /** Mounted by pods on any number of nodes: EFS on EKS. */
  READ_WRITE_MANY("ReadWriteMany");

  private final String value;

  VolumeAccessMode(String value) {
    this.value = value;
  }

  /** The value as written in the resource and in a PersistentVolumeClaim. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
