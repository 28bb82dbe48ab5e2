package io.agentruntime.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkheadMetersTest {

  @Test
  void exposesABackendsBulkheadUnderItsIntent() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(List.of())) {
      metrics.bindBackendPool("lookup_order", "http", new Pool(3, 2, 7));

      assertThat(metrics.scrape())
          .contains("agent_backend_in_flight{backend=\"http\",intent=\"lookup_order\"} 2.0")
          .contains(
              "agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 3.0")
          .contains("agent_backend_rejected_total{backend=\"http\",intent=\"lookup_order\"} 7.0");
    }
  }

  @Test
  void theBulkheadMetersKeepReportingAfterAGarbageCollection() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(List.of())) {
      bind(metrics);

      System.gc();

      assertThat(metrics.scrape())
          .contains(
              "agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 5.0")
          .contains("agent_backend_in_flight{backend=\"http\",intent=\"lookup_order\"} 0.0")
          .contains("agent_backend_rejected_total{backend=\"http\",intent=\"lookup_order\"} 0.0");
    }
  }

  /** Binds a pool nothing but the registry holds on to. */
  private static void bind(RuntimeMetrics metrics) {
    metrics.bindBackendPool("lookup_order", "http", new Pool(5, 0, 0));
  }

  private record Pool(int maxConnections, int inFlight, long rejected) implements PoolUsage {}
}
