package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The access mode a storage class offers its volumes. */
public enum VolumeAccessMode implements ResourceValue {
  /** Mounted by the pods of one node at a time: EBS classes such as gp3. */
  @JsonProperty("ReadWriteOnce")
  READ_WRITE_ONCE,

  /** Mounted by pods on any number of nodes: EFS on EKS. */
  @JsonProperty("ReadWriteMany")
  READ_WRITE_MANY;
}
