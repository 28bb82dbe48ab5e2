package io.agentruntime.operator.status;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What became, in one reconciliation, of the objects of one add-on (Istio for {@code mesh} and
 * {@code failover}, prometheus-operator for {@code monitoring}) that the spec asks for.
 *
 * @param applied kinds applied, e.g. {@code DestinationRule}
 * @param skipped the CRDs of the kinds the spec asks for but the operator could not use
 */
public record AddOnOutcome(List<String> applied, List<AddOnCrd> skipped) {

  /** The spec asks for none of the add-on's objects. */
  public static final AddOnOutcome NOT_REQUESTED = new AddOnOutcome(List.of(), List.of());

  /** Copies of the lists. */
  public AddOnOutcome {
    applied = List.copyOf(applied);
    skipped = List.copyOf(skipped);
  }

  /** Whether the spec asks for any of the add-on's objects. */
  public boolean requested() {
    return !applied.isEmpty() || !skipped.isEmpty();
  }

  /** Whether every kind asked for was skipped because the add-on is not installed at all. */
  public boolean notInstalled() {
    return applied.isEmpty()
        && skipped.stream().allMatch(crd -> crd.state() == AddOnCrd.State.MISSING);
  }

  /**
   * The skipped CRD that explains the outcome best: an add-on present in an unusable version before
   * one that is still being installed, before one that is missing.
   */
  public Optional<AddOnCrd> firstProblem() {
    return skipped.stream().min(Comparator.comparing(AddOnOutcome::severity));
  }

  private static int severity(AddOnCrd crd) {
    return switch (crd.state()) {
      case VERSION_NOT_SERVED -> 0;
      case NOT_ESTABLISHED -> 1;
      default -> 2;
    };
  }
}
