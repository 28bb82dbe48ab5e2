package io.agentruntime.runtime.coordination;

import io.agentruntime.contract.config.PolicyStoreConfig;
import io.agentruntime.governance.store.dynamodb.DynamoDbClientSettings;
import io.agentruntime.runtime.metrics.RuntimeMetrics;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The governance table as the state pods share on the request path: rate limit buckets and {@code
 * Idempotency-Key} claims, in the pod's home region (the first of {@code
 * governance.store.dynamodb.regions}).
 *
 * <p>Calls use the SDK's synchronous client on a dedicated Vert.x worker pool ({@link #call}),
 * never on an event loop: the governance module already builds and tunes that client, and the
 * asynchronous one would add a second HTTP stack (Netty or CRT) to the runtime for no gain at these
 * request rates. Every call is counted in {@code agent_policy_store_requests_total}.
 */
public final class CoordinationTable implements AutoCloseable {

  /** Threads for table calls; a slow table then queues these calls, not the other workers. */
  private static final int WORKERS = 16;

  // Tighter than the policy store's bounds: a request is waiting for the answer.
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);

  private final DynamoDbClient client;
  private final String table;
  private final String region;
  private final Vertx vertx;
  private final WorkerExecutor worker;
  private final RuntimeMetrics metrics;
  private final Clock clock;
  private final Map<Object, Future<?>> inTurn = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  private CoordinationTable(
      DynamoDbClient client, String table, String region, Vertx vertx, RuntimeMetrics metrics) {
    this.client = client;
    this.table = table;
    this.region = region;
    this.vertx = vertx;
    this.worker = vertx.createSharedWorkerExecutor("coordination-table", WORKERS);
    this.metrics = metrics;
    this.clock = Clock.systemUTC();
  }

  /** Opens a client of the store's home region; it makes no request yet. */
  public static CoordinationTable open(
      PolicyStoreConfig.DynamoDb store, Vertx vertx, RuntimeMetrics metrics) {
    PolicyStoreConfig.Region home = store.regions().getFirst();
    DynamoDbClientSettings settings =
        DynamoDbClientSettings.forRegion(home.name()).withTimeouts(CALL_TIMEOUT, ATTEMPT_TIMEOUT);
    settings = home.endpoint().map(settings::withEndpoint).orElse(settings);
    return new CoordinationTable(settings.newClient(), store.table(), home.name(), vertx, metrics);
  }

  public DynamoDbClient client() {
    return client;
  }

  public String table() {
    return table;
  }

  /** Runs blocking table calls on the worker pool; the future completes on the caller's context. */
  public <T> Future<T> call(Callable<T> blocking) {
    return worker.executeBlocking(blocking, false);
  }

  /**
   * Like {@link #call}, but one call per {@code key} at a time in this pod: the next starts when
   * the previous ended. Used where calls on one item would only race each other.
   */
  public <T> Future<T> callInTurn(Object key, Callable<T> blocking) {
    Context caller = Vertx.currentContext();
    Promise<T> mine = Promise.promise();
    Future<?> previous = inTurn.put(key, mine.future());
    Future<?> turn = previous == null ? Future.succeededFuture() : previous.otherwiseEmpty();
    turn.onComplete(
        ready ->
            call(blocking)
                .onComplete(
                    result -> {
                      inTurn.remove(key, mine.future());
                      mine.handle(result);
                    }));
    if (caller == null) {
      return mine.future();
    }
    Promise<T> local = Promise.promise();
    mine.future().onComplete(result -> caller.runOnContext(ignored -> local.handle(result)));
    return local.future();
  }

  /** A future completed after {@code millis}, without holding a thread meanwhile. */
  public Future<Void> after(long millis) {
    Promise<Void> elapsed = Promise.promise();
    vertx.setTimer(Math.max(1, millis), id -> elapsed.complete());
    return elapsed.future();
  }

  /** The time items are stamped with (bucket refills, claim expiry). */
  public Clock clock() {
    return clock;
  }

  /**
   * Counts one call that ended with {@code failure} (null for success) under the outcome {@code
   * success}, {@code conflict} (a condition failed: expected under contention), {@code throttled}
   * or {@code error}.
   */
  public void count(String operation, SdkException failure) {
    String outcome =
        switch (failure) {
          case null -> "success";
          case ConditionalCheckFailedException conflict -> "conflict";
          case AwsServiceException service when service.isThrottlingException() -> "throttled";
          default -> "error";
        };
    counters
        .computeIfAbsent(
            operation + '/' + outcome,
            key -> metrics.policyStoreRequests(operation, region, outcome))
        .increment();
  }

  /** {@code table '<name>' in <region>}, for error messages. */
  public String describe() {
    return "table '" + table + "' in " + region;
  }

  @Override
  public void close() {
    worker.close();
    client.close();
  }
}
