package io.agentruntime.runtime.http;

import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.tracing.RequestTrace;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One request being served, from its head to its answer, as {@link Routes} hands it to the handlers
 * of its route in turn. What one handler leaves for the next (the request's ids, its arrival time,
 * its body, its trace) are fields here, not entries of a map of named values.
 */
public final class ServerExchange {

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final String route;
  private final List<Handler<ServerExchange>> handlers;
  private final Map<String, String> pathParams;
  private final long startedNanos = System.nanoTime();
  private final RequestIds ids;
  private int nextHandler;
  private Buffer body;
  private RequestTrace trace = RequestTrace.OFF;
  private boolean answeredByRelay;
  private List<Handler<Void>> closeHandlers;
  private boolean ended;

  ServerExchange(
      Vertx vertx,
      HttpServerRequest request,
      String route,
      List<Handler<ServerExchange>> handlers,
      Map<String, String> pathParams) {
    this.vertx = vertx;
    this.request = request;
    this.route = route;
    this.handlers = handlers;
    this.pathParams = pathParams;
    this.ids = RequestContext.requestIds(request);
  }

  public Vertx vertx() {
    return vertx;
  }

  public HttpServerRequest request() {
    return request;
  }

  public HttpServerResponse response() {
    return request.response();
  }

  /** The path of the route serving this request, {@code :name} where a parameter stands. */
  public String route() {
    return route;
  }

  /** The value of the route's {@code :name} segment in this request's path; null if none. */
  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** The query's parameters, decoded. */
  public MultiMap queryParams() {
    return request.params();
  }

  /**
   * Hands the request to the route's next handler. A handler that throws gets the 500 problem
   * answer, unless something was answered already.
   */
  public void next() {
    if (nextHandler >= handlers.size()) {
      return;
    }
    Handler<ServerExchange> handler = handlers.get(nextHandler++);
    try {
      handler.handle(this);
    } catch (RuntimeException failure) {
      ReplyWriter.sendProblem(this, failure, false);
    }
  }

  /**
   * Runs {@code handler} if the connection closes before the answer has been sent completely. Any
   * number may be added; the response itself keeps one close handler only.
   */
  public void onClose(Handler<Void> handler) {
    if (closeHandlers == null) {
      closeHandlers = new ArrayList<>(2);
      response().closeHandler(closed -> closeHandlers.forEach(each -> each.handle(null)));
    }
    closeHandlers.add(handler);
  }

  /**
   * Runs {@code handler} once the exchange is over: with true when the answer was sent completely,
   * with false when the connection closed first.
   */
  void onEnd(Handler<Boolean> handler) {
    response().endHandler(sent -> end(handler, true));
    onClose(closed -> end(handler, false));
  }

  private void end(Handler<Boolean> handler, boolean sent) {
    if (!ended) {
      ended = true;
      handler.handle(sent);
    }
  }

  RequestIds ids() {
    return ids;
  }

  long startedNanos() {
    return startedNanos;
  }

  Buffer body() {
    return body;
  }

  void body(Buffer body) {
    this.body = body;
  }

  RequestTrace trace() {
    return trace;
  }

  void trace(RequestTrace trace) {
    this.trace = trace;
  }

  /** Whether a stream relay has answered (and counted) the request itself. */
  boolean answeredByRelay() {
    return answeredByRelay;
  }

  void markAnsweredByRelay() {
    this.answeredByRelay = true;
  }
}
