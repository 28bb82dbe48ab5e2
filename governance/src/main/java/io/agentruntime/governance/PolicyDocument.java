package io.agentruntime.governance;

import java.util.Objects;

/**
 * One Cedar policy as a store holds it.
 *
 * @param id stable policy id, reported in decisions (403 responses name it)
 * @param cedar the Cedar source of exactly one policy
 * @param mode {@link EnforcementMode#AUDIT} policies are evaluated and logged but never change the
 *     outcome
 * @param source where the policy came from (a file path, a table key), for error messages
 */
public record PolicyDocument(String id, String cedar, EnforcementMode mode, String source) {
  public PolicyDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cedar, "cedar");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(source, "source");
  }
}
