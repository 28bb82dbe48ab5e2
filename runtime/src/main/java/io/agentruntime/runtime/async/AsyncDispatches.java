package io.agentruntime.runtime.async;

import io.agentruntime.contract.config.AsyncIntentConfig;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.metrics.AsyncMeters;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The API's side of long-running dispatches: queues an admitted dispatch, reads and cancels it for
 * its owner. Every call runs on a worker pool and completes its future there: the queue and the
 * records are blocking clients.
 */
public final class AsyncDispatches {

  /**
   * The largest result a record keeps: the event and the projection each hold it, and a table item
   * holds at most 400 KB with its keys and the rest of the state.
   */
  public static final int MAX_RESULT_BYTES = 300 * 1024;

  private final String runtime;
  private final DispatchQueue queue;
  private final DispatchRecords records;
  private final WorkerExecutor executor;
  private final AsyncMeters meters;
  private final Map<String, AsyncIntentConfig> intents;

  /**
   * @param intents each intent's {@code async} settings, by name: a cancel or an expiry keeps the
   *     record for its intent's {@code resultTtl}
   */
  AsyncDispatches(
      String runtime,
      DispatchQueue queue,
      DispatchRecords records,
      WorkerExecutor executor,
      AsyncMeters meters,
      Map<String, AsyncIntentConfig> intents) {
    this.runtime = runtime;
    this.queue = queue;
    this.records = records;
    this.executor = executor;
    this.meters = meters;
    this.intents = Map.copyOf(intents);
  }

  /**
   * A dispatch the governance admitted, to queue.
   *
   * @param requestId the request's id
   * @param principal the caller: the dispatch's owner
   * @param intent the intent
   * @param async the intent's {@code async} settings
   * @param input the request's {@code input}
   * @param context the request's {@code context}
   * @param decision the decision, as the answer shows it
   * @param idempotencyKey the request's {@code Idempotency-Key}, or null
   * @param reservation its budget holds, carried by the message to the worker that settles them
   * @param trace the W3C headers of the request's trace, carried by the message to the worker
   */
  public record Submission(
      String requestId,
      String principal,
      String intent,
      AsyncIntentConfig async,
      JsonObject input,
      JsonObject context,
      JsonObject decision,
      String idempotencyKey,
      BudgetReservation reservation,
      Map<String, String> trace) {}

  /**
   * Queues {@code submission}: records it as queued, then sends its message. A repeated {@code
   * Idempotency-Key} of the same principal finds the dispatch the first one queued. A submission
   * that queues nothing (a repeat, a refusal, a queue that fails) releases its budget holds.
   *
   * @return the dispatch's current state as {@code GET} shows it
   * @throws TaskTooLargeException when the message would exceed the queue's message size
   * @throws QueueUnavailableException when the queue does not take it (recorded as failed)
   */
  public Future<JsonObject> enqueue(Submission submission) {
    return executor
        .executeBlocking(() -> enqueueNow(submission), false)
        .onFailure(failure -> submission.reservation().release());
  }

  private JsonObject enqueueNow(Submission submission) {
    DispatchKey key = new DispatchKey(runtime, id(submission));
    java.time.Instant now = records.now();
    java.time.Instant deadline = now.plus(submission.async().resultTtl());
    TaskMessage message =
        new TaskMessage(
            key,
            submission.principal(),
            submission.intent(),
            submission.input(),
            submission.context(),
            submission.decision(),
            deadline,
            submission.reservation().toJson(),
            submission.trace());
    int bytes = DispatchQueue.size(message);
    if (bytes > DispatchQueue.MAX_MESSAGE_BYTES) {
      throw new TaskTooLargeException(bytes);
    }
    DispatchRecords.Created created =
        records.create(
            key,
            new DispatchEvent.Queued(
                now, submission.principal(), submission.intent(), submission.decision(), deadline),
            submission.async().resultTtl());
    if (!created.created()) {
      submission.reservation().release();
      return DispatchCodec.view(created.record());
    }
    try {
      queue.send(message);
    } catch (QueueUnavailableException e) {
      records.append(
          created.record(),
          new DispatchEvent.Failed(records.now(), 0, TaskProblems.unqueued(e)),
          submission.async().resultTtl());
      throw e;
    }
    meters.queued(submission.intent());
    AsyncDecisionLog.queued(created.record(), submission.requestId());
    return DispatchCodec.view(created.record());
  }

  /**
   * The dispatch {@code id} as {@code GET} shows it, if {@code principal} owns it; one found still
   * queued past its deadline is recorded expired first.
   */
  public Future<Optional<JsonObject>> find(String id, String principal) {
    if (!DispatchKey.plausibleId(id)) {
      return Future.succeededFuture(Optional.empty());
    }
    return executor.executeBlocking(
        () -> {
          DispatchKey key = new DispatchKey(runtime, id);
          Optional<DispatchRecord> found = records.find(key, principal);
          if (found.isPresent() && found.get().overdue(records.now())) {
            found = reported(records.expire(key, retention(found.get())));
          }
          return found.map(DispatchCodec::view);
        },
        false);
  }

  /**
   * Cancels the dispatch {@code id} if {@code principal} owns it: at once when queued, at its
   * worker's next heartbeat when running; a finished one stays as it was.
   *
   * @return the dispatch as {@code GET} shows it after the request
   */
  public Future<Optional<JsonObject>> cancel(String id, String principal) {
    if (!DispatchKey.plausibleId(id)) {
      return Future.succeededFuture(Optional.empty());
    }
    return executor.executeBlocking(
        () -> {
          DispatchKey key = new DispatchKey(runtime, id);
          return reported(records.cancel(key, principal, this::retention)).map(DispatchCodec::view);
        },
        false);
  }

  /** The record after {@code moved}, its end reported when this call ended it. */
  private Optional<DispatchRecord> reported(DispatchRecords.Moved moved) {
    moved.endedHere().ifPresent(ended -> DispatchEnd.report(meters, ended));
    return moved.record();
  }

  private Duration retention(DispatchRecord record) {
    return intents.getOrDefault(record.intent(), AsyncIntentConfig.DEFAULT).resultTtl();
  }

  /**
   * A fresh id; with an {@code Idempotency-Key}, the same id for the same principal and key, so a
   * repeat reaching any pod finds the first dispatch's record.
   */
  private String id(Submission submission) {
    if (submission.idempotencyKey() == null) {
      return UUID.randomUUID().toString();
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (runtime + '\n' + submission.principal() + '\n' + submission.idempotencyKey())
                      .getBytes(StandardCharsets.UTF_8));
      return "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 31);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
