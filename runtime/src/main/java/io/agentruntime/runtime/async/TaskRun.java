package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.runtime.backend.BackendCall;
import io.agentruntime.runtime.budget.UsageCharge;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.tracing.BackendSpan;
import io.agentruntime.runtime.tracing.RequestTrace;
import io.agentruntime.runtime.usage.CallOutcome;
import io.agentruntime.runtime.usage.TokenUsage;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One attempt of one dispatch on a worker: calls the backend while a heartbeat keeps the message
 * hidden and the record's lease alive, then records the outcome, and only then lets the message go.
 * A record it cannot write (the store is down) is retried for as long as the worker runs, the
 * message kept hidden meanwhile: the outcome is never lost to a store outage, and the message is
 * never deleted before its outcome is recorded.
 *
 * <p>Once a final outcome is recorded, the budget holds the message carries are settled: the usage
 * the backend reported committed, a failed or cancelled dispatch's holds released. A failed attempt
 * that will be retried keeps them for the next one.
 */
final class TaskRun {

  private static final Logger LOG = LoggerFactory.getLogger(TaskRun.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(5);

  /** How the attempt ended before its outcome is recorded. */
  private enum Stop {
    CANCEL,
    ABANDON
  }

  private final DispatchWorker worker;
  private final Message message;
  private final TaskMessage task;
  private final Intent intent;
  private volatile DispatchRecord current;
  private volatile Optional<TokenUsage> reported = Optional.empty();
  private final CompletableFuture<Stop> stopped = new CompletableFuture<>();

  TaskRun(
      DispatchWorker worker,
      Message message,
      TaskMessage task,
      Intent intent,
      DispatchRecord started) {
    this.worker = worker;
    this.message = message;
    this.task = task;
    this.intent = intent;
    this.current = started;
  }

  /** Runs the attempt, records its outcome and settles the message. */
  void run() throws InterruptedException {
    AsyncIntentConfig config = intent.config().async();
    int attempt = current.attemptCount();
    worker.meters().started(intent.name(), attempt);
    long start = System.nanoTime();
    Duration beat = worker.heartbeat();
    ScheduledFuture<?> heartbeat =
        worker
            .scheduler()
            // the scheduler only keeps time: each beat's calls run on a thread of their own, so
            // that a slow queue or table never delays another dispatch's beat
            .scheduleWithFixedDelay(
                () -> worker.beats().execute(this::beat),
                beat.toMillis(),
                beat.toMillis(),
                TimeUnit.MILLISECONDS);
    try {
      DispatchEvent outcome = attempt(config, attempt);
      if (outcome == null) {
        return;
      }
      Settle settle = record(outcome, config);
      if (settle.kind() != Settle.Kind.LEAVE) {
        settleBudget(outcome);
        DispatchRecord after = settle.record();
        worker
            .meters()
            .attemptEnded(
                intent.name(), after.attempts().getLast().outcome(), System.nanoTime() - start);
        // a failed attempt with attempts left is no end: the dispatch waits for the next one
        if (after.status().finished()) {
          DispatchEnd.report(worker.meters(), after);
        }
      }
      settle.apply(worker, message, attempt);
    } finally {
      heartbeat.cancel(false);
    }
  }

  /** The outcome to record, or null when another worker took the dispatch over. */
  private DispatchEvent attempt(AsyncIntentConfig config, int attempt) throws InterruptedException {
    RequestTrace trace =
        RequestTrace.consumer(worker.tracing(), task.trace(), task.key().id(), attempt);
    String requestId = task.key().id() + "-" + attempt;
    trace.describe(requestId, intent.name());
    BackendSpan span = trace.backend(intent.config(), false);
    // completed once the attempt stops waiting: a call still out is then reset, so a cancelled
    // dispatch's backend sees its caller leave instead of working on for nobody
    Promise<Void> abandoned = Promise.promise();
    CompletableFuture<JsonObject> call =
        intent
            .backend()
            .invoke(
                new BackendCall(
                    requestId,
                    intent.name(),
                    task.input(),
                    task.context(),
                    task.decision(),
                    span.headers(),
                    Optional.of(abandoned.future())))
            .andThen(
                done -> {
                  span.end(
                      done.succeeded()
                          ? TokenUsage.fromOpenAi(done.result().getValue("usage"))
                          : Optional.empty(),
                      Optional.ofNullable(done.result()).map(result -> result.getString("model")),
                      Optional.empty(),
                      done.cause());
                  trace.end(done.cause());
                })
            .toCompletionStage()
            .toCompletableFuture();
    try {
      Object first = CompletableFuture.anyOf(call, stopped).get();
      if (first instanceof Stop stop) {
        return stop == Stop.CANCEL ? new DispatchEvent.Cancelled(worker.now()) : null;
      }
      JsonObject result = (JsonObject) first;
      reported = TokenUsage.ofResult(result);
      int bytes = result.toBuffer().length();
      if (bytes > AsyncDispatches.MAX_RESULT_BYTES) {
        return new DispatchEvent.Failed(worker.now(), attempt, TaskProblems.resultTooLarge(bytes));
      }
      return new DispatchEvent.Succeeded(worker.now(), attempt, result);
    } catch (ExecutionException e) {
      JsonObject problem = TaskProblems.of(e.getCause());
      return attempt >= config.maxAttempts()
          ? new DispatchEvent.Failed(worker.now(), attempt, problem)
          : new DispatchEvent.AttemptFailed(worker.now(), attempt, problem);
    } finally {
      abandoned.tryComplete();
    }
  }

  /** Ends the budget holds placed at enqueue, once the dispatch's final outcome is recorded. */
  private void settleBudget(DispatchEvent outcome) {
    CallOutcome how =
        switch (outcome) {
          case DispatchEvent.AttemptFailed retried -> null;
          case DispatchEvent.Succeeded succeeded -> CallOutcome.COMPLETED;
          case DispatchEvent.Cancelled cancelled -> CallOutcome.CANCELLED;
          default -> CallOutcome.FAILED;
        };
    if (how != null) {
      UsageCharge.settle(intent, worker.reservation(task), how, reported);
    }
  }

  /** Keeps the message hidden and the lease alive; notices a cancel request or a takeover. */
  private void beat() {
    try {
      worker.queue().hide(message, worker.visibilityTimeout());
    } catch (RuntimeException e) {
      LOG.warn("cannot extend the visibility of dispatch {}: {}", task.key().id(), e.getMessage());
    }
    try {
      Duration retention = intent.config().async().resultTtl();
      if (worker
          .records()
          .renewLease(current, worker.now().plus(worker.visibilityTimeout()), retention)) {
        current = current.leasedUntil(worker.now().plus(worker.visibilityTimeout()));
        return;
      }
      DispatchRecord now = worker.records().ledger().load(task.key()).orElse(null);
      if (now == null || !ours(now)) {
        stopped.complete(Stop.ABANDON);
      } else {
        current = now;
        if (now.cancelRequested()) {
          stopped.complete(Stop.CANCEL);
        }
      }
    } catch (DispatchStoreException e) {
      LOG.warn("cannot renew the lease of dispatch {}: {}", task.key().id(), e.getMessage());
    }
  }

  private boolean ours(DispatchRecord record) {
    return record.status() == DispatchStatus.RUNNING
        && record.attemptCount() == current.attemptCount()
        && record.attempts().getLast().worker().equals(worker.id());
  }

  /** Records {@code outcome}, retrying while the store is unreachable. */
  private Settle record(DispatchEvent outcome, AsyncIntentConfig config)
      throws InterruptedException {
    Duration pause = FIRST_RETRY;
    while (true) {
      try {
        return Settle.of(worker.records().append(current, outcome, config.resultTtl()), outcome);
      } catch (DispatchConflictException e) {
        DispatchRecord now = worker.records().ledger().load(task.key()).orElse(null);
        if (now == null || !ours(now)) {
          return Settle.leave(now);
        }
        current = now;
      } catch (DispatchStoreException e) {
        if (worker.stopping()) {
          throw new InterruptedException(
              "stopping with the outcome of " + task.key().id() + " unrecorded");
        }
        LOG.warn(
            "cannot record the outcome of dispatch {} yet: {}", task.key().id(), e.getMessage());
        Thread.sleep(pause.toMillis());
        pause =
            pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
      }
    }
  }

  /** What becomes of the message once the outcome is recorded. */
  record Settle(DispatchRecord record, Kind kind) {
    enum Kind {
      DELETE,
      DEAD,
      RETRY,
      LEAVE
    }

    static Settle of(DispatchRecord record, DispatchEvent outcome) {
      return switch (outcome) {
        case DispatchEvent.AttemptFailed failed -> new Settle(record, Kind.RETRY);
        case DispatchEvent.Failed failed
            when failed.problem().getString("type", "").endsWith("result-too-large") ->
            new Settle(record, Kind.DELETE);
        case DispatchEvent.Failed failed -> new Settle(record, Kind.DEAD);
        default -> new Settle(record, Kind.DELETE);
      };
    }

    static Settle leave(DispatchRecord record) {
      return new Settle(record, Kind.LEAVE);
    }

    void apply(DispatchWorker worker, Message message, int attempt) {
      switch (kind) {
        case DELETE -> worker.queue().delete(message);
        case DEAD -> worker.toDeadLetters(message);
        // the next attempt after a pause growing with each failure
        case RETRY ->
            worker
                .queue()
                .hide(message, Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt - 1, 6))));
        case LEAVE -> {}
      }
    }
  }
}
