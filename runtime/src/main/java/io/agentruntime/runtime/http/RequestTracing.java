package io.agentruntime.runtime.http;

import io.agentruntime.runtime.tracing.RequestTrace;
import io.agentruntime.runtime.tracing.Tracing;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The first handler of a traced route: starts the request's server span, continuing the caller's
 * W3C {@code traceparent}, and ends it with the status once the answer has been sent (or the caller
 * has gone). Handlers further down find it with {@link #of}.
 */
public final class RequestTracing implements Handler<RoutingContext> {

  private static final String TRACE = "agentruntime.trace";

  private final Tracing tracing;

  public RequestTracing(Tracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (tracing.enabled()) {
      RequestTrace trace =
          RequestTrace.server(
              tracing,
              ctx.request().method().name(),
              ctx.currentRoute().getPath(),
              ctx.request().headers()::get);
      ctx.put(TRACE, trace);
      // a caller that leaves mid-stream is counted as 499 by the relay, and traced as such
      ctx.addEndHandler(
          ended -> trace.end(ended.succeeded() ? ctx.response().getStatusCode() : 499));
    }
    ctx.next();
  }

  /** The trace of the request; {@link RequestTrace#OFF} when tracing is off. */
  public static RequestTrace of(RoutingContext ctx) {
    RequestTrace trace = ctx.get(TRACE);
    return trace == null ? RequestTrace.OFF : trace;
  }
}
