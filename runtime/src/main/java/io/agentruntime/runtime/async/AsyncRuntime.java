package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.contract.config.IntentConfig;
import io.agentruntime.contract.config.RuntimeConfig;
import io.agentruntime.runtime.budget.BudgetStore;
import io.agentruntime.runtime.coordination.CoordinationTable;
import io.agentruntime.runtime.intent.Intents;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.agentruntime.runtime.tracing.Tracing;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Long-running dispatches as configured by {@code async}: the queue (an embedded one in local
 * mode), the records, the API's side and, where this process runs one, the worker.
 */
public final class AsyncRuntime implements AutoCloseable {

  /** Threads for queue and record calls of the API; a slow queue then waits here alone. */
  private static final int API_WORKERS = 16;

  private final Optional<EmbeddedQueue> embedded;
  private final DispatchQueue queue;
  private final DispatchLedger ledger;
  private final WorkerExecutor executor;
  private final AsyncDispatches dispatches;
  private Optional<DispatchWorker> worker = Optional.empty();
  private Optional<Intents> workerIntents = Optional.empty();

  private AsyncRuntime(
      Optional<EmbeddedQueue> embedded,
      DispatchQueue queue,
      DispatchLedger ledger,
      WorkerExecutor executor,
      AsyncDispatches dispatches) {
    this.embedded = embedded;
    this.queue = queue;
    this.ledger = ledger;
    this.executor = executor;
    this.dispatches = dispatches;
  }

  /**
   * Opens the queue and the records; starts an embedded queue first when configured.
   *
   * @param table the governance table, present with {@code governance.store.dynamodb}
   */
  public static AsyncRuntime open(
      RuntimeConfig config,
      AsyncConfig async,
      Vertx vertx,
      Optional<CoordinationTable> table,
      RuntimeMetrics metrics) {
    Optional<EmbeddedQueue> embedded = Optional.empty();
    AsyncConfig.Sqs sqs;
    if (async.queue() instanceof AsyncConfig.Embedded local) {
      EmbeddedQueue started = EmbeddedQueue.start();
      embedded = Optional.of(started);
      sqs =
          started.createQueue(
              local.name(),
              AsyncIntentConfig.maxReceiveCount(
                  config.intents().stream().map(IntentConfig::async).toList()));
    } else {
      sqs = (AsyncConfig.Sqs) async.queue();
    }
    DispatchQueue queue = DispatchQueue.open(sqs, async.worker().waitTime());
    DispatchLedger ledger =
        async.records() == AsyncConfig.Records.DYNAMODB
            ? new DynamoDbDispatchLedger(table.orElseThrow())
            : new MemoryDispatchLedger(Clock.systemUTC());
    WorkerExecutor executor = vertx.createSharedWorkerExecutor("dispatch-api", API_WORKERS);
    AsyncDispatches dispatches =
        new AsyncDispatches(
            config.runtime().resource(),
            queue,
            new DispatchRecords(ledger, Clock.systemUTC()),
            executor,
            metrics.async(),
            config.intents().stream()
                .collect(Collectors.toMap(IntentConfig::name, IntentConfig::async)));
    return new AsyncRuntime(embedded, queue, ledger, executor, dispatches);
  }

  public AsyncDispatches dispatches() {
    return dispatches;
  }

  /**
   * Starts a worker in this process: each intent's backend bounded by its {@code async.timeout}
   * rather than its synchronous timeout, each dispatch's budget holds settled in {@code budgets},
   * each attempt traced by {@code tracing}.
   */
  public void startWorker(
      RuntimeConfig config,
      AsyncConfig async,
      Vertx vertx,
      RuntimeMetrics metrics,
      BudgetStore budgets,
      Tracing tracing) {
    List<IntentConfig> asLongRunning =
        config.intents().stream()
            .map(
                intent ->
                    new IntentConfig(
                        intent.name(),
                        intent.async().timeout(),
                        intent.streaming(),
                        intent.backend(),
                        intent.async()))
            .toList();
    Intents intents = Intents.open(vertx, asLongRunning, metrics);
    workerIntents = Optional.of(intents);
    worker =
        Optional.of(
            new DispatchWorker(
                    async.worker(),
                    queue,
                    new DispatchRecords(ledger, Clock.systemUTC()),
                    intents,
                    metrics.async(),
                    budgets,
                    tracing)
                .start());
  }

  /** Stops the worker (running tasks get {@code grace}), then the queue's clients. */
  public void close(Duration grace) {
    worker.ifPresent(running -> running.stop(grace));
    workerIntents.ifPresent(Intents::close);
    executor.close();
    queue.close();
    ledger.close();
    embedded.ifPresent(EmbeddedQueue::close);
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
