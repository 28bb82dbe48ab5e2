package io.agentruntime.governance.engine.jvm;

/**
 * A Cedar entity reference, {@code Type::"id"}.
 *
 * @param type the entity type, namespaces included ({@code Ns::Type})
 * @param id the entity id
 */
record EntityUid(String type, String id) {
  @Override
  public String toString() {
    return type + "::\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
