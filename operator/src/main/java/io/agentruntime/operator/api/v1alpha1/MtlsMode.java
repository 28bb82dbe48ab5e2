package io.agentruntime.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Mutual TLS mode of the runtime workload. */
public enum MtlsMode {
  /** Only mutual TLS traffic is accepted. */
  STRICT("STRICT"),

  /** Plain text and mutual TLS are accepted. */
  PERMISSIVE("PERMISSIVE");

  private final String value;

  MtlsMode(String value) {
    this.value = value;
  }

  /** The value as written in the resource. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
