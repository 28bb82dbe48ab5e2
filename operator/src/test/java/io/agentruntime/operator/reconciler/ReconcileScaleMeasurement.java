package io.agentruntime.operator.reconciler;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Measures the operator at scale against the mock API server (not a test; timing is never
 * asserted): creates N AgentRuntimes, waits until each has been reconciled once (objects applied,
 * status written), then reports the wall time from the first create, the heap in use after a full
 * GC, the reconciliations run, the writes per AgentRuntime and the API requests per reconciliation
 * (every request the operator sent, informer list/watch included).
 *
 * <p>The mock API server runs in the same JVM and keeps every object in memory, so the heap figure
 * is an upper bound for the operator alone. Run with the heap the operator is sized for:
 *
 * <pre>
 * tools/mvn -B -q test-compile exec:exec -pl operator -Dexec.executable=java \
 *   -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx256m -cp %classpath \
 *     io.agentruntime.operator.reconciler.ReconcileScaleMeasurement 200 1000"
 * </pre>
 */
public final class ReconcileScaleMeasurement {

  private static final String NAMESPACE = "scale";
  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private ReconcileScaleMeasurement() {}

  /** Measures each count given as an argument (default: 200 and 1000). */
  public static void main(String[] args) throws InterruptedException {
    var counts = args.length == 0 ? new String[] {"200", "1000"} : args;
    System.out.printf(
        "max heap %d MiB%n%6s %10s %14s %14s %14s %12s%n",
        Runtime.getRuntime().maxMemory() >> 20,
        "CRs",
        "wall (s)",
        "heap@GC (MiB)",
        "reconciles",
        "writes/CR",
        "requests/reconcile");
    for (var count : counts) {
      measure(Integer.parseInt(count));
    }
  }

  private static void measure(int count) throws InterruptedException {
    try (var cluster = MockCluster.start()) {
      var traffic = new Traffic();
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        cluster.create(AgentRuntimes.valid(NAMESPACE, "runtime-" + i));
        if (i % 100 == 0) {
          traffic.drain(cluster);
        }
      }
      long deadline = start + TIMEOUT.toNanos();
      while (cluster.reconciles.resources() < count) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              cluster.reconciles.resources() + " of " + count + " reconciled within " + TIMEOUT);
        }
        traffic.drain(cluster);
        TimeUnit.MILLISECONDS.sleep(20);
      }
      double wallSeconds = (System.nanoTime() - start) / 1e9;
      traffic.drain(cluster);
      // The CR creations are the measurement's own requests, not the operator's.
      long operatorRequests = traffic.requests - count;
      long operatorWrites = traffic.writes - count;
      System.out.printf(
          "%6d %10.1f %14d %12d %12.1f %18.1f%n",
          count,
          wallSeconds,
          heapAfterGc() >> 20,
          cluster.reconciles.total(),
          (double) operatorWrites / count,
          (double) operatorRequests / cluster.reconciles.total());
    }
  }

  private static long heapAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Requests recorded by the mock server, drained as they come so they do not pile up. */
  private static final class Traffic {
    long requests;
    long writes;

    void drain(MockCluster cluster) throws InterruptedException {
      for (var request = cluster.server.takeRequest(0, TimeUnit.MILLISECONDS);
          request != null;
          request = cluster.server.takeRequest(0, TimeUnit.MILLISECONDS)) {
        requests++;
        if (WRITE_METHODS.contains(request.getMethod())) {
          writes++;
        }
      }
    }
  }
}
