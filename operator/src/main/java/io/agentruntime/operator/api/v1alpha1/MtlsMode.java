package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Mutual TLS mode of the runtime workload. */
public enum MtlsMode implements ResourceValue {
  /** Only mutual TLS traffic is accepted. */
  @JsonProperty("STRICT")
  STRICT,

  /** Plain text and mutual TLS are accepted. */
  @JsonProperty("PERMISSIVE")
  PERMISSIVE;
}
