package io.agentruntime.governance;

import java.util.Objects;
import java.util.Optional;

/**
 * One Cedar policy as a store holds it.
 *
 * @param id stable policy id, reported in decisions (403 responses name it)
 * @param cedar the Cedar source of exactly one policy
 * @param mode {@link EnforcementMode#AUDIT} policies are evaluated and logged but never change the
 *     outcome
 * @param limits what the policy limits among the requests it permits: their rate, tokens and cost
 * @param source where the policy came from (a file path, a table key), for error messages
 */
public record PolicyDocument(
    String id, String cedar, EnforcementMode mode, PolicyLimits limits, String source) {
  public PolicyDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(cedar, "cedar");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(source, "source");
  }

  /** A policy without limits. */
  public PolicyDocument(String id, String cedar, EnforcementMode mode, String source) {
    this(id, cedar, mode, PolicyLimits.NONE, source);
  }

  /** How many of the requests this policy permits may pass, if limited. */
  public Optional<RateLimit> rateLimit() {
    return limits.rateLimit();
  }
}
