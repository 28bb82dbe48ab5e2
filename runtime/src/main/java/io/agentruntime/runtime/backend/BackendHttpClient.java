package io.agentruntime.runtime.backend;

import io.agentruntime.contract.config.BackendConfig;
import io.agentruntime.contract.config.HttpUrls;
import io.agentruntime.contract.config.IntentConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs JSON objects to one backend URL and reads a JSON object back, through a connection pool of
 * its own so that a slow backend only ever holds its own connections (a bulkhead).
 *
 * <p>The whole call, waiting for a pooled connection included, is bounded by the intent's timeout,
 * and the answer by {@code intents[].backend.maxResponseSize} ({@link BoundedBody}). Calls beyond
 * the pool and its bounded wait queue ({@link Bulkhead}) fail at once with a {@link
 * BackendSaturatedException} and are never sent. Every failure becomes a {@link BackendException}
 * telling the caller which intent failed and how, and the log the URL and the answer ({@link
 * BackendFailures}), never a stack trace.
 */
final class BackendHttpClient implements AutoCloseable {

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String intent;
  private final Duration timeout;
  private final Bulkhead bulkhead;
  private final long maxResponseSize;

  private BackendHttpClient(
      Vertx vertx,
      HttpClientAgent client,
      IntentConfig intent,
      Bulkhead bulkhead,
      long maxResponseSize) {
    this.vertx = vertx;
    this.client = client;
    this.intent = intent.name();
    this.timeout = intent.timeout();
    this.bulkhead = bulkhead;
    this.maxResponseSize = maxResponseSize;
  }

  /**
   * A client with a pool of at most {@code maxConnections} keep-alive connections and at most
   * {@code maxPending} calls waiting for one: the pool of {@code intent}'s remote backend.
   */
  static BackendHttpClient create(Vertx vertx, IntentConfig intent, BackendConfig.Remote backend) {
    BackendConfig.Pool pool = backend.pool();
    Bulkhead bulkhead = new Bulkhead(pool.maxConnections(), pool.maxPending());
    int connectTimeoutMillis = (int) Math.min(intent.timeout().toMillis(), Integer.MAX_VALUE);
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setPipelining(false)
            .setTcpNoDelay(true)
            .setConnectTimeout(connectTimeoutMillis);
    // Vert.x allows 5 connections per host by default: the configured pool size replaces it.
    // The pool's wait queue also holds the calls waiting for a connection being opened, so its
    // bound is the whole bulkhead: the bulkhead enforces the limits, the pool only backs it up.
    PoolOptions connections =
        new PoolOptions()
            .setHttp1MaxSize(bulkhead.maxConnections())
            .setMaxWaitQueueSize(bulkhead.capacity());
    return new BackendHttpClient(
        vertx,
        vertx.createHttpClient(options, connections),
        intent,
        bulkhead,
        pool.maxResponseSize());
  }

  Bulkhead bulkhead() {
    return bulkhead;
  }

  /** The failures of calls to {@code url}, for answers a backend type checks itself. */
  BackendFailures failures(URI url) {
    return new BackendFailures(intent, url);
  }

  /** POSTs {@code body} to {@code url}; the future holds the JSON object answered. */
  Future<JsonObject> post(URI url, BackendCall call, JsonObject body) {
    if (Vertx.currentContext() != null) {
      return send(url, call, body);
    }
    // Vert.x hands a response's body only to handlers set on its event loop before the body
    // arrives: a call from any other thread must first move onto a Vert.x context.
    Promise<JsonObject> result = Promise.promise();
    vertx.runOnContext(ignored -> send(url, call, body).onComplete(result));
    return result.future();
  }

  private Future<JsonObject> send(URI url, BackendCall call, JsonObject body) {
    BackendFailures failures = failures(url);
    if (!bulkhead.tryAcquire()) {
      return Future.failedFuture(failures.saturated(bulkhead));
    }
    long timeoutMillis = Math.max(1, timeout.toMillis());
    Future<HttpClientRequest> connected;
    try {
      connected = open(url, call, "application/json");
    } catch (IllegalStateException closed) {
      bulkhead.release();
      // a closed client throws instead of failing the future: callers only ever get futures
      return Future.failedFuture(describe(failures, closed));
    }
    return exchange(connected, failures, body.toBuffer(), timeoutMillis, call.abandoned());
  }

  /**
   * Opens a POST to {@code url} on a pooled connection, within the intent's timeout; the caller
   * holds a slot of the {@link #bulkhead()} and sends the body. The call's request id and trace
   * headers go with it.
   *
   * @param accept the {@code accept} header: what the caller reads back
   * @throws IllegalStateException when the client is closed
   */
  Future<HttpClientRequest> open(URI url, BackendCall call, String accept) {
    long timeoutMillis = Math.max(1, timeout.toMillis());
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            // from the URI's parts: an absolute URI string would be parsed again on every call
            .setSsl(HttpUrls.isTls(url))
            .setHost(url.getHost())
            .setPort(HttpUrls.port(url))
            .setURI(pathAndQuery(url))
            // bounds the wait for a pooled connection as well as the TCP connect
            .setConnectTimeout(timeoutMillis)
            // closes a connection whose backend stalls, so it is not returned to the pool
            .setIdleTimeout(timeoutMillis)
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .putHeader(HttpHeaders.ACCEPT, accept)
            .putHeader("x-request-id", call.requestId());
    call.traceHeaders().forEach(request::putHeader);
    return client.request(request);
  }

  private static String pathAndQuery(URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }

  /** The largest answer read, and the longest line of a streamed one. */
  long maxResponseSize() {
    return maxResponseSize;
  }

  /**
   * Sends the body once connected and reads the answer, failing when the deadline passes first. The
   * bulkhead is released only when the exchange has really ended (answered, reset or never
   * connected), not when the deadline fails the call: until then it still holds pool resources.
   */
  private Future<JsonObject> exchange(
      Future<HttpClientRequest> connected,
      BackendFailures failures,
      Buffer body,
      long timeoutMillis,
      Optional<Future<Void>> abandoned) {
    Promise<JsonObject> result = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    Context context = vertx.getOrCreateContext();
    abandoned.ifPresent(
        caller ->
            caller.onComplete(
                ignored ->
                    context.runOnContext(
                        now -> {
                          if (result.tryFail(
                              new CancellationException("abandoned by its caller"))) {
                            resetIfSent(sent.get());
                          }
                        })));
    // the idle timeout restarts with every byte received: only a timer bounds the whole call
    long timer =
        vertx.setTimer(
            timeoutMillis,
            id -> {
              if (result.tryFail(failures.timedOut(timeout))) {
                resetIfSent(sent.get());
              }
            });
    connected
        .compose(
            request -> {
              sent.set(request);
              if (result.future().isComplete()) {
                request.reset();
                return Future.failedFuture(failures.timedOut(timeout));
              }
              return request.send(body);
            })
        .compose(
            response ->
                BoundedBody.read(sent.get(), response, maxResponseSize, failures)
                    .map(answer -> toJsonObject(failures, response, answer)))
        .onComplete(
            outcome -> {
              vertx.cancelTimer(timer);
              bulkhead.release();
              if (outcome.cause() instanceof ConnectionPoolTooBusyException) {
                bulkhead.countRejected();
              }
              if (outcome.succeeded()) {
                result.tryComplete(outcome.result());
              } else if (sent.get() == null && isUnreachable(outcome.cause())) {
                result.tryFail(failures.unreachable(outcome.cause()));
              } else {
                result.tryFail(describe(failures, outcome.cause()));
              }
            });
    return result.future();
  }

  /** A failure to open a connection at all: refused, unreachable or an unknown host name. */
  static boolean isUnreachable(Throwable failure) {
    return failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException;
  }

  private static void resetIfSent(HttpClientRequest request) {
    if (request != null) {
      // an HTTP/1.1 reset closes the connection: the late answer can never reach another call
      request.reset();
    }
  }

  private static JsonObject toJsonObject(
      BackendFailures failures, HttpClientResponse response, Buffer body) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw failures.status(status, body);
    }
    Object json;
    try {
      json = Json.decodeValue(body);
    } catch (DecodeException e) {
      throw failures.notJson(body, e);
    }
    if (json instanceof JsonObject object) {
      return object;
    }
    throw failures.notAnObject(body);
  }

  BackendException describe(BackendFailures failures, Throwable failure) {
    if (failure instanceof BackendException backendFailure) {
      return backendFailure;
    }
    if (failure instanceof TimeoutException) {
      return failures.timedOut(timeout);
    }
    if (failure instanceof ConnectionPoolTooBusyException) {
      return failures.saturated(bulkhead);
    }
    return failures.callFailed(failure);
  }

  /** Closes the pool's connections; calls made afterwards fail with a {@link BackendException}. */
  @Override
  public void close() {
    client.close();
  }
}
