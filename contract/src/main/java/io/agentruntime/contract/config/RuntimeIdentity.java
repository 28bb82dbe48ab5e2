package io.agentruntime.contract.config;

/**
 * Which runtime this process serves (configuration {@code runtime}).
 *
 * @param name the runtime's name
 * @param namespace the runtime's Kubernetes namespace
 */
public record RuntimeIdentity(String name, String namespace) {

  public static final String DEFAULT_NAME = "local";
  public static final String DEFAULT_NAMESPACE = "default";

  /** The Cedar resource id, {@code <namespace>/<name>}. */
  public String resource() {
    return namespace + "/" + name;
  }
}
