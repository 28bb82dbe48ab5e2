package io.agentruntime.governance.store.dynamodb;

import java.util.regex.Pattern;

/**
 * Names one runtime's policy set: the partition {@code POLICYSET#<namespace>/<runtime>}.
 *
 * @param namespace the Kubernetes namespace of the runtime
 * @param runtime the AgentRuntime's name
 */
public record PolicySetKey(String namespace, String runtime) {
  // Kubernetes object names (RFC 1123 labels and subdomains); '/' would make the key ambiguous.
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  public PolicySetKey {
    requireName("namespace", namespace);
    requireName("runtime", runtime);
  }

  /** The table's partition key value of this set. */
  public String partitionKey() {
    return "POLICYSET#" + namespace + "/" + runtime;
  }

  @Override
  public String toString() {
    return namespace + "/" + runtime;
  }

  private static void requireName(String field, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field
              + " must be a Kubernetes name (lower-case letters, digits, '-' and '.'), got "
              + (value == null ? "nothing" : "'" + value + "'"));
    }
  }
}
