package io.agentruntime.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentruntime.runtime.backend.Backend;
import io.agentruntime.runtime.backend.BackendCall;
import io.agentruntime.runtime.backend.Bulkhead;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkheadMetersTest {

  @Test
  void exposesEachBackendsBulkheadUnderItsIntent() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(Map.of())) {
      metrics.bindBackends(Map.of("lookup_order", new PooledBackend(new Bulkhead(3, 6))));

      assertThat(metrics.scrape())
          .contains("agent_backend_in_flight{backend=\"http\",intent=\"lookup_order\"} 0.0")
          .contains(
              "agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 3.0")
          .contains("agent_backend_rejected_total{backend=\"http\",intent=\"lookup_order\"} 0.0");
    }
  }

  @Test
  void backendsWithoutAPoolHaveNoBulkheadMeters() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(Map.of())) {
      metrics.bindBackends(Map.of("call_reasoning", new PooledBackend(null)));

      assertThat(metrics.scrape())
          .doesNotContain("agent_backend_in_flight{")
          .doesNotContain("agent_backend_rejected_total{");
    }
  }

  @Test
  void theBulkheadMetersKeepReportingAfterAGarbageCollection() {
    try (RuntimeMetrics metrics = new RuntimeMetrics(Map.of())) {
      bind(metrics);

      System.gc();

      assertThat(metrics.scrape())
          .contains(
              "agent_backend_pool_max_connections{backend=\"http\",intent=\"lookup_order\"} 5.0")
          .contains("agent_backend_in_flight{backend=\"http\",intent=\"lookup_order\"} 0.0")
          .contains("agent_backend_rejected_total{backend=\"http\",intent=\"lookup_order\"} 0.0");
    }
  }

  /** Binds a bulkhead nothing but the registry holds on to. */
  private static void bind(RuntimeMetrics metrics) {
    metrics.bindBackends(Map.of("lookup_order", new PooledBackend(new Bulkhead(5, 10))));
  }

  /** A backend that is never called, with or without a bulkhead. */
  private record PooledBackend(Bulkhead pool) implements Backend {
    @Override
    public Future<JsonObject> invoke(BackendCall call) {
      return Future.failedFuture(new IllegalStateException("not called in these tests"));
    }

    @Override
    public String type() {
      return "http";
    }

    @Override
    public Optional<Bulkhead> bulkhead() {
      return Optional.ofNullable(pool);
    }
  }
}
