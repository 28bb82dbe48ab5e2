package io.agentruntime.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts successful reconciliations per resource name, so tests can wait for the next one. The
 * controller that only releases the GPU NodePools of AgentRuntimes being deleted is not counted: it
 * runs on every event and applies nothing.
 */
final class ReconcileCounter implements Metrics {

  private final Map<String, AtomicInteger> finished = new ConcurrentHashMap<>();

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    if (GpuNodePoolCleanupReconciler.NAME.equals(metadata.get(Constants.CONTROLLER_NAME))) {
      return;
    }
    finished
        .computeIfAbsent(resource.getMetadata().getName(), name -> new AtomicInteger())
        .incrementAndGet();
  }

  /** Successful reconciliations of the resource named {@code name} so far. */
  int of(String name) {
    var count = finished.get(name);
    return count == null ? 0 : count.get();
  }

  /** Successful reconciliations of all resources so far. */
  int total() {
    return finished.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** Resources reconciled successfully at least once. */
  int resources() {
    return finished.size();
  }
}
