package io.agentruntime.runtime.metrics;

import io.agentruntime.runtime.backend.Bulkhead;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of one backend's bulkhead, read from it at scrape time. */
final class BulkheadMeters {

  private BulkheadMeters() {}

  static void bind(MeterRegistry registry, String intent, String backend, Bulkhead bulkhead) {
    // Strong references: a gauge holds its object weakly by default, and a GC would turn it into
    // NaN once nothing else held the bulkhead (e.g. during shutdown). The strong gauges also keep
    // the bulkhead alive for the counter, which can only hold it weakly.
    Gauge.builder(RuntimeMetrics.BACKEND_IN_FLIGHT, bulkhead, Bulkhead::inFlight)
        .description("Backend calls holding or waiting for a pooled connection")
        .tag("intent", intent)
        .tag("backend", backend)
        .strongReference(true)
        .register(registry);
    Gauge.builder(RuntimeMetrics.BACKEND_POOL_MAX_CONNECTIONS, bulkhead, Bulkhead::maxConnections)
        .description("Size of the backend's connection pool")
        .tag("intent", intent)
        .tag("backend", backend)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(RuntimeMetrics.BACKEND_REJECTED, bulkhead, Bulkhead::rejected)
        .description("Backend calls refused unsent because the backend's bulkhead was full")
        .tag("intent", intent)
        .tag("backend", backend)
        .register(registry);
  }
}
