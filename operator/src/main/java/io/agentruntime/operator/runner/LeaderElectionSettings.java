package io.agentruntime.operator.runner;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom this operator replica competes for leadership.
 *
 * @param leaseName the coordination.k8s.io/v1 Lease the replicas compete for
 * @param leaseNamespace the namespace of that Lease: the operator's own namespace
 * @param identity this replica's identity in the Lease: its pod name
 * @param exitOnLoss whether losing the Lease ends the process (so Kubernetes restarts the pod and
 *     it rejoins as a standby) rather than leaving it running without reconciling
 * @param timing how long a Lease lasts and how often it is renewed
 */
public record LeaderElectionSettings(
    String leaseName, String leaseNamespace, String identity, boolean exitOnLoss, Timing timing) {

  /** The Lease name used when none is configured. */
  public static final String DEFAULT_LEASE_NAME = "agent-runtime-operator";

  /** Rejects blank names: a Lease without a namespace or holder identity cannot be acquired. */
  public LeaderElectionSettings {
    requireText(leaseName, "leaseName");
    requireText(leaseNamespace, "leaseNamespace");
    requireText(identity, "identity");
    Objects.requireNonNull(timing, "leader election: timing");
  }

  /** Settings with JOSDK's default timing (a 15 s Lease renewed within 10 s, tried every 2 s). */
  public LeaderElectionSettings(
      String leaseName, String leaseNamespace, String identity, boolean exitOnLoss) {
    this(leaseName, leaseNamespace, identity, exitOnLoss, Timing.DEFAULT);
  }

  private static void requireText(String value, String field) {
    if (Objects.requireNonNullElse(value, "").isBlank()) {
      throw new IllegalArgumentException("leader election: " + field + " must not be blank");
    }
  }

  /**
   * The Lease's timing, as fabric8's {@code LeaderElector} uses it.
   *
   * @param leaseDuration how long a standby waits after the last renewal before taking over
   * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
   * @param retryPeriod the pause between two attempts to acquire or renew
   */
  public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    /** JOSDK's defaults. */
    public static final Timing DEFAULT =
        new Timing(
            LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
            LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
            LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);

    /**
     * Rejects an order in which the leader could lose the Lease before it stops renewing, as
     * fabric8's {@code LeaderElectionConfig} does at start.
     */
    public Timing {
      if (leaseDuration.compareTo(renewDeadline) <= 0
          || renewDeadline.compareTo(retryPeriod) <= 0) {
        throw new IllegalArgumentException(
            "leader election: need leaseDuration > renewDeadline > retryPeriod, got "
                + leaseDuration
                + ", "
                + renewDeadline
                + ", "
                + retryPeriod);
      }
    }
  }
}
