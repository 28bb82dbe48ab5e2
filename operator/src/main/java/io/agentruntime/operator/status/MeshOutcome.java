package io.agentruntime.operator.status;

import java.util.List;

/**
 * What became of the Istio objects the spec asks for in one reconciliation, by kind.
 *
 * @param applied kinds applied, e.g. {@code DestinationRule}
 * @param skipped kinds the spec asks for but whose CustomResourceDefinition is not installed
 */
public record MeshOutcome(List<String> applied, List<String> skipped) {

  /** A spec without {@code mesh} or {@code failover}: no Istio object is asked for. */
  public static final MeshOutcome NOT_REQUESTED = new MeshOutcome(List.of(), List.of());

  /** Copies of the lists. */
  public MeshOutcome {
    applied = List.copyOf(applied);
    skipped = List.copyOf(skipped);
  }

  /** Whether the spec asks for any Istio object. */
  public boolean requested() {
    return !applied.isEmpty() || !skipped.isEmpty();
  }
}
