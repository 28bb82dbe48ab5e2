package io.agentruntime.operator.runner;

import java.util.Objects;

/**
 * Where and as whom this operator replica competes for leadership.
 *
 * @param leaseName the coordination.k8s.io/v1 Lease the replicas compete for
 * @param leaseNamespace the namespace of that Lease: the operator's own namespace
 * @param identity this replica's identity in the Lease: its pod name
 * @param exitOnLoss whether losing the Lease ends the process (so Kubernetes restarts the pod and
 *     it rejoins as a standby) rather than leaving it running without reconciling
 */
public record LeaderElectionSettings(
    String leaseName, String leaseNamespace, String identity, boolean exitOnLoss) {

  /** The Lease name used when none is configured. */
  public static final String DEFAULT_LEASE_NAME = "agent-runtime-operator";

  /** Rejects blank names: a Lease without a namespace or holder identity cannot be acquired. */
  public LeaderElectionSettings {
    requireText(leaseName, "leaseName");
    requireText(leaseNamespace, "leaseNamespace");
    requireText(identity, "identity");
  }

  private static void requireText(String value, String field) {
    if (Objects.requireNonNullElse(value, "").isBlank()) {
      throw new IllegalArgumentException("leader election: " + field + " must not be blank");
    }
  }
}
