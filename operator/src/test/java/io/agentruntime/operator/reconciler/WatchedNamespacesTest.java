package io.agentruntime.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An operator told to watch some namespaces leaves the others alone. */
class WatchedNamespacesTest {

  private MockCluster cluster;

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void reconcilesOnlyTheWatchedNamespaces() {
    cluster = MockCluster.watching(Set.of("team-a"));

    cluster.create(AgentRuntimes.valid("team-b", "elsewhere"));
    cluster.create(AgentRuntimes.valid("team-a", "watched"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cluster.get("team-a", "watched").getStatus() != null);

    assertThat(cluster.reconciles.of("elsewhere")).isZero();
    assertThat(cluster.get("team-b", "elsewhere").getStatus()).isNull();
    assertThat(deployment("team-b", "elsewhere")).isNull();
    assertThat(deployment("team-a", "watched")).isNotNull();
  }

  private Deployment deployment(String namespace, String name) {
    return cluster.client.apps().deployments().inNamespace(namespace).withName(name).get();
  }
}
