package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.RequestContext;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.tracing.McpSpan;
import io.vertx.core.http.HttpMethod;
import java.util.Optional;

/** How a client's message goes to the upstream: the span of the call and the request it sends. */
final class UpstreamCall {

  private UpstreamCall() {}

  /**
   * The client span of relaying {@code message} to {@code upstream}, a child of the request's; none
   * for a client's response, which names no method.
   */
  static McpSpan span(ServerExchange ctx, JsonRpcMessage message, McpUpstream upstream) {
    return message
        .operation(upstream.config().name())
        .map(operation -> RequestTracing.of(ctx).mcpCall(operation, upstream.config().url()))
        .orElse(McpSpan.OFF);
  }

  /** The client's request as it goes upstream, carrying the W3C headers of {@code call}. */
  static McpUpstream.Outgoing outgoing(
      ServerExchange ctx, HttpMethod method, Optional<String> upstreamSession, McpSpan call) {
    return new McpUpstream.Outgoing(
        method,
        upstreamSession,
        ctx.request().headers(),
        method == HttpMethod.POST ? RequestContext.body(ctx) : null,
        RequestContext.requestId(ctx),
        call.headers());
  }
}
