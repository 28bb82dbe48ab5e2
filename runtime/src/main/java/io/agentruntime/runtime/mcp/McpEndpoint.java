package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.HttpReply;
import io.agentruntime.runtime.http.ReplyWriter;
import io.agentruntime.runtime.http.RequestContext;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.metrics.McpOutcome;
import io.agentruntime.runtime.tracing.McpSpan;
import io.agentruntime.runtime.tracing.SpanAttributes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code /mcp/<name>}: one upstream MCP server behind the gateway, over the Streamable HTTP
 * transport. {@code POST} carries one message: {@code initialize} opens a gateway session bound to
 * the caller, {@code tools/call} is governed ({@link ToolCallHandler}), {@code tools/list} is
 * filtered, and every other method, notification and response is relayed as is. {@code GET} opens
 * the server's stream of the session and {@code DELETE} ends the session.
 */
final class McpEndpoint {

  private final McpUpstream upstream;
  private final GatewayServices gateway;
  private final ToolCallHandler toolCalls;

  McpEndpoint(McpUpstream upstream, GatewayServices gateway) {
    this.upstream = upstream;
    this.gateway = gateway;
    this.toolCalls = new ToolCallHandler(upstream, gateway);
  }

  String server() {
    return upstream.config().name();
  }

  /** Where it is served: {@code /mcp/<name>}. */
  String path() {
    return upstream.config().path();
  }

  void post(ServerExchange ctx) {
    JsonRpcMessage message = null;
    try {
      checkOrigin(ctx);
      message = JsonRpcMessage.parse(RequestContext.body(ctx));
      gateway.checkReady();
      Principal principal = gateway.principal(ctx);
      JsonRpcMessage parsed = message;
      message
          .operation(server())
          .ifPresent(
              operation ->
                  RequestTracing.of(ctx).describe(RequestContext.requestId(ctx), operation));
      if (message.isRequest("initialize")) {
        initialize(ctx, principal, parsed);
        return;
      }
      gateway
          .session(ctx, principal, server())
          .onSuccess(session -> route(ctx, principal, session, parsed))
          .onFailure(failure -> fail(ctx, parsed, failure));
    } catch (McpException e) {
      fail(ctx, message, e);
    }
  }

  private void route(
      ServerExchange ctx, Principal principal, McpSession session, JsonRpcMessage message) {
    if (message.isRequest("tools/call")) {
      toolCalls.handle(ctx, principal, session, message);
    } else if (message.isRequest("tools/list")) {
      relay(
          ctx,
          session,
          message,
          answer -> {
            gateway.meters().listed(server(), ToolPolicy.toolNames(answer));
            return RequestTracing.of(ctx)
                .stepNow(
                    SpanAttributes.TOOL_FILTER_SPAN,
                    () ->
                        gateway
                            .policy()
                            .filterListing(
                                RequestContext.requestIds(ctx), principal, session, answer));
          });
    } else {
      relay(ctx, session, message, UnaryOperator.identity());
    }
  }

  /** Opens the upstream's session, then the gateway's, bound to the caller. */
  private void initialize(ServerExchange ctx, Principal principal, JsonRpcMessage message) {
    McpSpan call = call(ctx, message);
    upstream
        .send(UpstreamCall.outgoing(ctx, HttpMethod.POST, Optional.empty(), call))
        .compose(
            exchange -> {
              if (exchange.response().statusCode() / 100 != 2) {
                return Future.succeededFuture(new Opened(exchange, Map.<String, String>of()));
              }
              McpSession session =
                  McpSession.open(
                      server(),
                      principal.id(),
                      Optional.ofNullable(
                          exchange.response().getHeader(McpUpstream.SESSION_HEADER)),
                      McpSession.ClientInfo.of(message.params()));
              return gateway
                  .sessions()
                  .create(session)
                  .map(created -> new Opened(exchange, Map.of("mcp-session-id", session.id())))
                  .onFailure(failure -> exchange.request().reset());
            })
        .onSuccess(
            opened ->
                UpstreamRelay.relay(
                        ctx,
                        opened.exchange(),
                        plan(message, UnaryOperator.identity(), opened.headers(), call))
                    .onSuccess(outcome -> count(message, outcome)))
        .onFailure(failure -> failCall(ctx, message, call, failure));
  }

  private record Opened(McpUpstream.Exchange exchange, Map<String, String> headers) {}

  private void relay(
      ServerExchange ctx,
      McpSession session,
      JsonRpcMessage message,
      UnaryOperator<JsonObject> rewrite) {
    McpSpan call = call(ctx, message);
    upstream
        .send(UpstreamCall.outgoing(ctx, HttpMethod.POST, session.upstreamId(), call))
        .onSuccess(
            exchange ->
                UpstreamRelay.relay(ctx, exchange, plan(message, rewrite, Map.of(), call))
                    .onSuccess(outcome -> count(message, outcome)))
        .onFailure(failure -> failCall(ctx, message, call, failure));
  }

  private McpSpan call(ServerExchange ctx, JsonRpcMessage message) {
    return UpstreamCall.span(ctx, message, upstream);
  }

  /** The upstream call failed before its answer: ends its span and answers the client. */
  private void failCall(
      ServerExchange ctx, JsonRpcMessage message, McpSpan call, Throwable failure) {
    fail(ctx, message, McpFailures.failed(call, failure));
  }

  /** {@code GET}: the server's own stream of the session, relayed for as long as both keep it. */
  void get(ServerExchange ctx) {
    streamOrEnd(ctx, HttpMethod.GET);
  }

  /** {@code DELETE}: ends the gateway's session and, best effort, the upstream's. */
  void delete(ServerExchange ctx) {
    streamOrEnd(ctx, HttpMethod.DELETE);
  }

  private void streamOrEnd(ServerExchange ctx, HttpMethod method) {
    try {
      checkOrigin(ctx);
      gateway.checkReady();
      Principal principal = gateway.principal(ctx);
      gateway
          .session(ctx, principal, server())
          .compose(
              session ->
                  method == HttpMethod.GET
                      ? openStream(ctx, session)
                      : end(ctx, principal, session))
          .onFailure(failure -> fail(ctx, null, failure));
    } catch (McpException e) {
      fail(ctx, null, e);
    }
  }

  private Future<Void> openStream(ServerExchange ctx, McpSession session) {
    return upstream
        .send(UpstreamCall.outgoing(ctx, HttpMethod.GET, session.upstreamId(), McpSpan.OFF))
        .map(
            exchange -> {
              UpstreamRelay.relay(
                      ctx,
                      exchange,
                      new UpstreamRelay.Plan(
                          server(), null, UnaryOperator.identity(), Map.of(), 0, McpSpan.OFF))
                  .onSuccess(outcome -> gateway.meters().recordMessage(server(), "GET", outcome));
              return null;
            });
  }

  private Future<Void> end(ServerExchange ctx, Principal principal, McpSession session) {
    return gateway
        .sessions()
        .delete(principal.id(), session.id())
        .map(
            deleted -> {
              endUpstream(session, RequestContext.requestId(ctx));
              gateway.meters().recordMessage(server(), "DELETE", McpOutcome.RELAYED);
              ReplyWriter.send(ctx, new HttpReply(204, HttpReply.JSON, Buffer.buffer(), Map.of()));
              return null;
            });
  }

  /** Ends the upstream's session of {@code session}, if it has one; nobody waits for the answer. */
  void endUpstream(McpSession session, String requestId) {
    session
        .upstreamId()
        .ifPresent(
            id ->
                upstream
                    .send(
                        new McpUpstream.Outgoing(
                            HttpMethod.DELETE,
                            Optional.of(id),
                            io.vertx.core.MultiMap.caseInsensitiveMultiMap(),
                            null,
                            requestId,
                            Map.of()))
                    .onSuccess(exchange -> exchange.response().resume()));
  }

  private UpstreamRelay.Plan plan(
      JsonRpcMessage message,
      UnaryOperator<JsonObject> rewrite,
      Map<String, String> headers,
      McpSpan call) {
    boolean request = message.kind() == JsonRpcMessage.Kind.REQUEST;
    return new UpstreamRelay.Plan(
        server(),
        request ? message.id() : null,
        rewrite,
        headers,
        upstream.config().timeout().toMillis(),
        call);
  }

  private void count(JsonRpcMessage message, McpOutcome outcome) {
    gateway.meters().recordMessage(server(), message.meterName(), outcome);
  }

  /**
   * A browser page must not reach a gateway on the user's machine (DNS rebinding): a request that
   * carries an {@code Origin} must come from the gateway's own host.
   */
  private static void checkOrigin(ServerExchange ctx) {
    String origin = ctx.request().getHeader("origin");
    if (origin == null) {
      return;
    }
    String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
    try {
      if (host != null && host.equalsIgnoreCase(URI.create(origin).getHost())) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // an unparseable origin is refused like a foreign one
    }
    throw new McpException(JsonRpcError.FORBIDDEN_ORIGIN, "requests from origin are not allowed");
  }

  private void fail(ServerExchange ctx, JsonRpcMessage message, Throwable failure) {
    McpException error = McpFailures.classify(failure);
    RequestTracing.of(ctx).answeredWith(error.error().code(), error.getMessage());
    gateway
        .meters()
        .recordMessage(
            server(),
            message == null ? "_invalid" : message.meterName(),
            McpFailures.outcome(error));
    ReplyWriter.send(
        ctx,
        JsonRpcReplies.reply(
            message == null ? null : message.id(), error, RequestContext.requestId(ctx)));
  }
}
