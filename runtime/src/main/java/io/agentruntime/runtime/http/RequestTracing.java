package io.agentruntime.runtime.http;

import io.agentruntime.runtime.tracing.RequestTrace;
import io.agentruntime.runtime.tracing.Tracing;
import io.vertx.core.Handler;

/**
 * The first handler of a traced route: starts the request's server span, continuing the caller's
 * W3C {@code traceparent}, and ends it with the status once the answer has been sent (or the caller
 * has gone). Handlers further down find it with {@link #of}.
 */
public final class RequestTracing implements Handler<ServerExchange> {

  private final Tracing tracing;

  public RequestTracing(Tracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void handle(ServerExchange exchange) {
    if (tracing.enabled()) {
      RequestTrace trace =
          RequestTrace.server(
              tracing,
              exchange.request().method().name(),
              exchange.route(),
              exchange.request().headers()::get);
      exchange.trace(trace);
      // a caller that leaves mid-stream is counted as 499 by the relay, and traced as such
      exchange.onEnd(sent -> trace.end(sent ? exchange.response().getStatusCode() : 499));
    }
    exchange.next();
  }

  /** The trace of the request; {@link RequestTrace#OFF} when tracing is off. */
  public static RequestTrace of(ServerExchange exchange) {
    return exchange.trace();
  }
}
