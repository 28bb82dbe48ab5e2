package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agentruntime.operator.runner.LeaderElectionSettings;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leadership through the {@code agent-runtime-operator} Lease, and what losing it does. */
class LeaderElectionTest {

  private static final String OPERATOR_NAMESPACE = "agent-runtime-system";

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

  @Test
  void aDeliberateStopIsNotALoss() {
    cluster = MockCluster.leading(election(), losses::incrementAndGet);
    awaitLease();

    cluster.close();
    cluster = null;

    assertThat(losses).hasValue(0);
  }

  private static LeaderElectionSettings election() {
    return new LeaderElectionSettings(
        LeaderElectionSettings.DEFAULT_LEASE_NAME, OPERATOR_NAMESPACE, "operator-0", true);
  }

  private Lease awaitLease() {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> lease(),
            lease -> lease != null && "operator-0".equals(lease.getSpec().getHolderIdentity()));
  }

  /** Another replica acquires the Lease, as it would after this one missed its renewals. */
  private void takeOverLease() {
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
            });
  }

  private Lease lease() {
    return cluster
        .client
        .leases()
        .inNamespace(OPERATOR_NAMESPACE)
        .withName(LeaderElectionSettings.DEFAULT_LEASE_NAME)
        .get();
  }

  private Deployment deployment(String name) {
    return cluster.client.apps().deployments().inNamespace("agents").withName(name).get();
  }
}
