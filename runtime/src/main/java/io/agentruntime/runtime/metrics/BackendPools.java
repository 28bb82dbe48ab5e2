package io.agentruntime.runtime.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/** Every pool of one intent's backend in this process, reported as one. */
final class BackendPools implements PoolUsage {

  private final List<PoolUsage> pools = new CopyOnWriteArrayList<>();

  void add(PoolUsage pool) {
    pools.add(pool);
  }

  @Override
  public int inFlight() {
    return (int) sum(PoolUsage::inFlight);
  }

  @Override
  public int maxConnections() {
    return (int) sum(PoolUsage::maxConnections);
  }

  @Override
  public long rejected() {
    return sum(PoolUsage::rejected);
  }

  private long sum(ToLongFunction<PoolUsage> usage) {
    return pools.stream().mapToLong(usage).sum();
  }
}
