package io.agentruntime.runtime.metrics;

import io.agentruntime.contract.metrics.RuntimeMeter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The meters of one backend's bulkhead, read from it at scrape time. */
final class BulkheadMeters {

  private BulkheadMeters() {}

  static void bind(MeterRegistry registry, String intent, String backend, PoolUsage pool) {
    // Strong references: a gauge holds its object weakly by default, and a GC would turn it into
    // NaN once nothing else held the pool (e.g. during shutdown). The strong gauges also keep
    // the pool alive for the counter, which can only hold it weakly.
    Gauge.builder(RuntimeMeter.BACKEND_IN_FLIGHT.meterName(), pool, PoolUsage::inFlight)
        .description(RuntimeMeter.BACKEND_IN_FLIGHT.description())
        .tag("intent", intent)
        .tag("backend", backend)
        .strongReference(true)
        .register(registry);
    Gauge.builder(
            RuntimeMeter.BACKEND_POOL_MAX_CONNECTIONS.meterName(), pool, PoolUsage::maxConnections)
        .description(RuntimeMeter.BACKEND_POOL_MAX_CONNECTIONS.description())
        .tag("intent", intent)
        .tag("backend", backend)
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(RuntimeMeter.BACKEND_REJECTED.meterName(), pool, PoolUsage::rejected)
        .description(RuntimeMeter.BACKEND_REJECTED.description())
        .tag("intent", intent)
        .tag("backend", backend)
        .register(registry);
  }
}
