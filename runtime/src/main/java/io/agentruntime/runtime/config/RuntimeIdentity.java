package io.agentruntime.runtime.config;

/**
 * Which runtime this process serves (configuration {@code runtime}).
 *
 * @param name the runtime's name
 * @param namespace the runtime's Kubernetes namespace
 */
public record RuntimeIdentity(String name, String namespace) {

  /** The Cedar resource id, {@code <namespace>/<name>}. */
  public String resource() {
    return namespace + "/" + name;
  }
}
