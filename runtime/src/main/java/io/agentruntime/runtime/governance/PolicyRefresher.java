package io.agentruntime.runtime.governance;

import io.agentruntime.governance.engine.PolicySetSynchronizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PolicySetSynchronizer#refresh()} every {@code refreshInterval} on a dedicated worker
 * thread: store reads block, and an event loop must never wait for them. The synchronizer logs what
 * each refresh installed or why it failed; what depends on the installed set is told after each
 * install, on the same worker.
 */
public final class PolicyRefresher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyRefresher.class);

  private final Vertx vertx;
  private final PolicySetSynchronizer synchronizer;
  private final Duration interval;
  private final Runnable onInstall;
  private final WorkerExecutor worker;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private long timerId = -1;

  /**
   * @param onInstall runs after every refresh that installed a new policy set
   */
  public PolicyRefresher(
      Vertx vertx, PolicySetSynchronizer synchronizer, Duration interval, Runnable onInstall) {
    this.vertx = vertx;
    this.synchronizer = synchronizer;
    this.interval = interval;
    this.onInstall = onInstall;
    this.worker = vertx.createSharedWorkerExecutor("policy-refresh", 1);
  }

  /** Refreshes once, then every interval; completes after the first refresh, loaded or not. */
  public Future<Void> start() {
    return refresh()
        .onComplete(first -> timerId = vertx.setPeriodic(interval.toMillis(), id -> refresh()))
        .mapEmpty();
  }

  /** Skips a tick while the previous refresh still runs, so a hanging store cannot pile work up. */
  private Future<Boolean> refresh() {
    if (!refreshing.compareAndSet(false, true)) {
      return Future.succeededFuture(false);
    }
    return worker
        .executeBlocking(this::refreshOnWorker, false)
        .onFailure(e -> LOG.error("policy refresh failed", e))
        .onComplete(done -> refreshing.set(false));
  }

  private boolean refreshOnWorker() {
    boolean installed = synchronizer.refresh();
    if (installed) {
      onInstall.run();
    }
    return installed;
  }

  @Override
  public void close() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
    worker.close();
  }
}
