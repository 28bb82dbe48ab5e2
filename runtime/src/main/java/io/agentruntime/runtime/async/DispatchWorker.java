package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncConfig;
import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.budget.BudgetStore;
import io.agentruntime.runtime.intent.Intent;
import io.agentruntime.runtime.intent.Intents;
import io.agentruntime.runtime.metrics.AsyncMeters;
import io.agentruntime.runtime.tracing.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Takes queued dispatches and runs them: long-polls the queue for as many messages as it has free
 * slots ({@code async.worker.maxInFlight}), runs each on a virtual thread ({@link TaskRun}) and
 * settles its message only after the outcome is recorded.
 */
public final class DispatchWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DispatchWorker.class);
  private static final Duration RECEIVE_FAILURE_PAUSE = Duration.ofSeconds(1);

  private final String id = "worker-" + UUID.randomUUID().toString().substring(0, 8);
  private final AsyncConfig.Worker config;
  private final DispatchQueue queue;
  private final Optional<DispatchQueue> deadLetters;
  private final DispatchRecords records;
  private final Intents intents;
  private final AsyncMeters meters;
  private final BudgetStore budgets;
  private final Tracing tracing;
  private final Clock clock;
  private final Semaphore slots;
  // not the slots taken: the poller holds the free ones while it waits for messages
  private final AtomicInteger running = new AtomicInteger();
  private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
  private final ExecutorService beats = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("dispatch-heartbeat").factory());
  private final Thread poller;
  private volatile boolean stopping;

  /**
   * @param intents the intents as the worker runs them: each backend bounded by the intent's {@code
   *     async.timeout}
   * @param budgets where the budget holds the messages carry are settled
   * @param tracing traces each attempt in the trace of the request that queued it
   */
  public DispatchWorker(
      AsyncConfig.Worker config,
      DispatchQueue queue,
      DispatchRecords records,
      Intents intents,
      AsyncMeters meters,
      BudgetStore budgets,
      Tracing tracing) {
    this.config = config;
    this.queue = queue;
    this.deadLetters = queue.deadLetterQueue();
    this.records = records;
    this.intents = intents;
    this.meters = meters;
    this.budgets = budgets;
    this.tracing = tracing;
    this.clock = Clock.systemUTC();
    this.slots = new Semaphore(config.maxInFlight());
    this.poller = Thread.ofPlatform().name("dispatch-poller").unstarted(this::poll);
    if (deadLetters.isEmpty()) {
      LOG.warn(
          "queue {} has no redrive policy: dispatches out of attempts are deleted, not kept",
          queue.url());
    }
    meters.bindInFlight(running::get);
  }

  public DispatchWorker start() {
    poller.start();
    LOG.info(
        "dispatch worker {} polling {} with up to {} in flight",
        id,
        queue.url(),
        config.maxInFlight());
    return this;
  }

  private void poll() {
    while (!stopping) {
      try {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        List<Message> messages = receive(free);
        slots.release(free - messages.size());
        for (Message message : messages) {
          tasks.execute(() -> handleAndRelease(message));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Up to {@code max} messages; the queue age as this receive found it. */
  private List<Message> receive(int max) throws InterruptedException {
    try {
      List<Message> messages = queue.receive(max, config.waitTime(), config.visibilityTimeout());
      Instant now = clock.instant();
      meters.queueAge(
          messages.stream()
              .map(message -> Duration.between(DispatchQueue.firstQueued(message), now))
              .max(Duration::compareTo)
              .orElse(Duration.ZERO));
      return messages;
    } catch (RuntimeException e) {
      if (!stopping) {
        LOG.warn("cannot receive from {}: {}", queue.url(), e.getMessage());
        Thread.sleep(RECEIVE_FAILURE_PAUSE.toMillis());
      }
      return List.of();
    }
  }

  private void handleAndRelease(Message message) {
    running.incrementAndGet();
    try {
      handle(message);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the message stays: it comes back after its visibility timeout, and dies after its receives
      LOG.warn(
          "dispatch message {} left for a later attempt: {}", message.messageId(), e.toString());
    } finally {
      running.decrementAndGet();
      slots.release();
    }
  }

  private void handle(Message message) throws InterruptedException {
    Optional<TaskMessage> decoded = TaskMessage.decode(message.body());
    if (decoded.isEmpty()) {
      LOG.warn("message {} is no dispatch: moved to the dead-letter queue", message.messageId());
      toDeadLetters(message);
      return;
    }
    TaskMessage task = decoded.get();
    Optional<Intent> intent = intents.find(task.intent());
    AsyncIntentConfig async =
        intent.map(found -> found.config().async()).orElse(AsyncIntentConfig.DEFAULT);
    TaskStart start = TaskStart.begin(records, task.key(), async, id, config.visibilityTimeout());
    LOG.debug("dispatch {}: {}", task.key().id(), start);
    switch (start) {
      case TaskStart.Done done -> {
        // finished, or cancelled while queued: nothing more will run on its holds
        reservation(task).release();
        queue.delete(message);
      }
      case TaskStart.Ended ended -> {
        reservation(task).release();
        DispatchEnd.report(meters, ended.record());
        if (ended.record().status() == DispatchStatus.FAILED) {
          toDeadLetters(message);
        } else {
          queue.delete(message);
        }
      }
      case TaskStart.Busy busy -> queue.requeue(message, busy.pause());
      case TaskStart.Run run when intent.isEmpty() -> {
        DispatchRecord failed =
            records.append(
                run.record(),
                new DispatchEvent.Failed(
                    now(), run.record().attemptCount(), TaskProblems.unknownIntent(task.intent())),
                async.resultTtl());
        reservation(task).release();
        DispatchEnd.report(meters, failed);
        toDeadLetters(message);
      }
      case TaskStart.Run run -> new TaskRun(this, message, task, intent.get(), run.record()).run();
    }
  }

  /** The budget holds {@code task} carries; none when they cannot be read (then they expire). */
  BudgetReservation reservation(TaskMessage task) {
    try {
      return BudgetReservation.fromJson(task.budget(), budgets);
    } catch (IllegalArgumentException e) {
      LOG.warn("dispatch {}: budget holds left to expire: {}", task.key().id(), e.getMessage());
      return BudgetReservation.NONE;
    }
  }

  void toDeadLetters(Message message) {
    if (deadLetters.isPresent()) {
      queue.moveTo(deadLetters.get(), message);
    } else {
      queue.delete(message);
    }
  }

  String id() {
    return id;
  }

  DispatchQueue queue() {
    return queue;
  }

  DispatchRecords records() {
    return records;
  }

  Tracing tracing() {
    return tracing;
  }

  AsyncMeters meters() {
    return meters;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Where heartbeats make their calls: a virtual thread each. */
  ExecutorService beats() {
    return beats;
  }

  Duration visibilityTimeout() {
    return config.visibilityTimeout();
  }

  /** How often a running task renews its hold: three times per visibility timeout. */
  Duration heartbeat() {
    return config.visibilityTimeout().dividedBy(3);
  }

  Instant now() {
    return clock.instant();
  }

  boolean stopping() {
    return stopping;
  }

  /**
   * Stops receiving, then waits up to {@code grace} for running tasks; any still running leave
   * their messages to another worker once the visibility timeout passes.
   */
  public void stop(Duration grace) {
    stopping = true;
    poller.interrupt();
    tasks.shutdown();
    try {
      if (!tasks.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        tasks.shutdownNow();
      }
      poller.join(grace.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler.shutdownNow();
    beats.shutdownNow();
  }

  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }
}
