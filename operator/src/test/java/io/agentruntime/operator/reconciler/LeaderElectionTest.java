package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.helm.ApiRequest;
import io.agentruntime.operator.helm.ChartRbac;
import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.agentruntime.operator.runner.OperatorSettings;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Leadership through the {@code agent-runtime-operator} Lease under the chart's RBAC, and what
 * losing it does.
 */
class LeaderElectionTest {

  private final AtomicInteger losses = new AtomicInteger();
  private MockCluster cluster;

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theLeaderHoldsTheLeaseAndReconciles() {
    cluster = MockCluster.leading(election(), losses::incrementAndGet);

    var lease = awaitLease();
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("operator-0");

    cluster.create(AgentRuntimes.valid("agents", "led"));
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("led") != null);
    assertThat(losses).hasValue(0);
  }

  @Test
  void losingTheLeaseRunsTheLossAction() {
    cluster = MockCluster.leading(election(), losses::incrementAndGet);
    awaitLease();

    takeOverLease();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(losses).hasValue(1));
  }

  /**
   * Two replicas under the chart's RBAC (the mock refuses what it does not allow): the leader
   * renews its Lease past several renew deadlines, and stopping it hands over to the standby, which
   * then reconciles. fabric8 renews, takes over and releases with a merge patch, so this fails when
   * the chart does not grant patch on Leases.
   */
  @Test
  void theLeaderRenewsPastSeveralDeadlinesAndStoppingItHandsOver() {
    var rbac = ChartRbac.withDefaults();
    cluster =
        MockCluster.start(
            new MockCluster.Setup(
                settings("operator-0"), losses::incrementAndGet, Map.of(), false, rbac));
    var standby = cluster.startReplica(settings("operator-1"), losses::incrementAndGet);
    var acquired = awaitLease().getSpec().getAcquireTime();

    var deadlines = FAST.renewDeadline().multipliedBy(4);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              var lease = lease().getSpec();
              assertThat(lease.getHolderIdentity()).isEqualTo("operator-0");
              assertThat(lease.getAcquireTime()).isEqualTo(acquired);
              assertThat(Duration.between(acquired, lease.getRenewTime())).isGreaterThan(deadlines);
            });
    assertThat(losses).as("leadership lost while renewing").hasValue(0);

    cluster.operator.stop();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "operator-1".equals(lease().getSpec().getHolderIdentity()));
    cluster.create(AgentRuntimes.valid("agents", "handed-over"));
    await().atMost(Duration.ofSeconds(30)).until(() -> deployment("handed-over") != null);
    standby.stop();

    var leaseRequests =
        cluster.operatorRequests().stream()
            .filter(request -> "leases".equals(request.resource()))
            .toList();
    assertThat(leaseRequests).extracting(ApiRequest::verb).contains("get", "create", "patch");
    assertThat(leaseRequests).allMatch(rbac::allows, "allowed by the chart's Role");
    assertThat(losses).hasValue(0);
  }

  @Test
  void aDeliberateStopIsNotALoss() {
    cluster = MockCluster.leading(election(), losses::incrementAndGet);
    awaitLease();

    cluster.close();
    cluster = null;

    assertThat(losses).hasValue(0);
  }

  /** A Lease short enough for several renewals in a few seconds. */
  private static final LeaderElectionSettings.Timing FAST =
      new LeaderElectionSettings.Timing(
          Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(250));

  private static OperatorSettings settings(String identity) {
    return MockCluster.electing(Set.of(), identity, FAST);
  }

  private static LeaderElectionSettings election() {
    return new LeaderElectionSettings(
        LeaderElectionSettings.DEFAULT_LEASE_NAME, ChartRbac.RELEASE_NAMESPACE, "operator-0", true);
  }

  private Lease awaitLease() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> lease(),
            lease -> lease != null && "operator-0".equals(lease.getSpec().getHolderIdentity()));
  }

  /**
   * Another replica acquires the Lease, as it would after this one missed its renewals; read again
   * when a renewal of the leader got in first (409).
   */
  private void takeOverLease() {
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(
            () ->
                cluster
                    .client
                    .resource(lease())
                    .edit(
                        lease -> {
                          lease.getSpec().setHolderIdentity("operator-1");
                          lease.getSpec().setAcquireTime(ZonedDateTime.now());
                          lease.getSpec().setRenewTime(ZonedDateTime.now().plusMinutes(5));
                          lease.getSpec().setLeaseDurationSeconds(3600);
                          return lease;
                        }),
            Objects::nonNull);
  }

  private Lease lease() {
    return cluster.lease();
  }

  private Deployment deployment(String name) {
    return cluster.client.apps().deployments().inNamespace("agents").withName(name).get();
  }
}
