package io.agentruntime.runtime.mcp;

import io.agentruntime.governance.engine.Decision;
import io.agentruntime.runtime.budget.BudgetDemand;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.budget.BudgetedCall;
import io.agentruntime.runtime.governance.RequestIds;
import io.agentruntime.runtime.http.HttpReply;
import io.agentruntime.runtime.http.ReplyWriter;
import io.agentruntime.runtime.http.RequestContext;
import io.agentruntime.runtime.http.RequestHeaders;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.idempotency.IdempotencyCache.Replayable;
import io.agentruntime.runtime.idempotency.IdempotentRequest;
import io.agentruntime.runtime.identity.Principal;
import io.agentruntime.runtime.metrics.McpOutcome;
import io.agentruntime.runtime.tracing.McpSpan;
import io.agentruntime.runtime.tracing.RequestTrace;
import io.agentruntime.runtime.tracing.SpanAttributes;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One {@code tools/call} through the gateway: the Cedar decision on {@code
 * Action::"mcp:<server>/<tool>"} (a denial never reaches the upstream), the rate limits and budgets
 * of the permitting policies, then the call relayed as it streams, or, with an idempotency key, run
 * at most once across pods and retries and its answer replayed to every repeat.
 *
 * <p>A tool call holds one unit in each token budget that applies ({@link BudgetDemand#TOOL_CALL})
 * and commits it once the upstream answered; a call the upstream never answered is released.
 */
final class ToolCallHandler {

  /** The header {@code /dispatch} reads its key from too. */
  static final String IDEMPOTENCY_KEY_HEADER = "idempotency-key";

  static final String REPLAYED_HEADER = "idempotent-replayed";

  private final McpUpstream upstream;
  private final GatewayServices gateway;

  ToolCallHandler(McpUpstream upstream, GatewayServices gateway) {
    this.upstream = upstream;
    this.gateway = gateway;
  }

  void handle(ServerExchange ctx, Principal principal, McpSession session, JsonRpcMessage message) {
    long start = System.nanoTime();
    String server = session.server();
    ToolCall call;
    try {
      call = ToolCall.of(message.params(), gateway.runtime().config().governance().context());
    } catch (McpException e) {
      gateway.meters().recordToolCall(server, "", McpOutcome.REJECTED, System.nanoTime() - start);
      answer(ctx, message, e);
      return;
    }
    RequestIds ids = RequestContext.requestIds(ctx);
    RequestTrace trace = RequestTracing.of(ctx);
    trace
        .decision(() -> decide(ctx, ids, principal, session, call))
        .compose(decision -> admit(trace, ids, principal, new Admission(server, call, decision)))
        .compose(
            reservation ->
                execute(ctx, principal, session, message, call)
                    .andThen(
                        done -> {
                          if (done.succeeded()) {
                            reservation.commit(Optional.empty());
                          } else {
                            reservation.release();
                          }
                        }))
        .onComplete(
            done ->
                gateway
                    .meters()
                    .recordToolCall(
                        server,
                        call.name(),
                        done.succeeded()
                            ? done.result()
                            : McpFailures.outcome(McpFailures.classify(done.cause())),
                        System.nanoTime() - start))
        .onFailure(failure -> answer(ctx, message, failure));
  }

  /** On the event loop when the arguments are small, else on a worker. */
  private Future<Decision> decide(
      ServerExchange ctx, RequestIds ids, Principal principal, McpSession session, ToolCall call) {
    if (call.light()) {
      return Future.succeededFuture(gateway.policy().decideCall(ids, principal, session, call));
    }
    return ctx.vertx()
        .executeBlocking(() -> gateway.policy().decideCall(ids, principal, session, call), false);
  }

  /** A decided call on its way to the upstream. */
  private record Admission(String server, ToolCall call, Decision decision) {}

  /** The permitted call's rate limits, then its budgets, each a step of the request's trace. */
  private Future<BudgetReservation> admit(
      RequestTrace trace, RequestIds ids, Principal principal, Admission admission) {
    Decision decision = admission.decision();
    if (!decision.permitted()) {
      return Future.failedFuture(denied(admission.server(), admission.call().name(), decision));
    }
    String action = ToolPolicy.action(admission.server(), admission.call().name());
    // the tool call's own counter records a rate-limited or budget-refused call
    return trace
        .step(
            SpanAttributes.RATE_LIMIT_SPAN,
            () ->
                gateway
                    .runtime()
                    .rateLimiter()
                    .admit(ids, principal, action, (policy, outcome) -> {}, decision))
        .compose(
            admitted ->
                trace.step(
                    SpanAttributes.BUDGET_SPAN,
                    () ->
                        gateway
                            .runtime()
                            .budgets()
                            .reserve(
                                ids,
                                principal,
                                new BudgetedCall(
                                    action,
                                    BudgetDemand.TOOL_CALL,
                                    upstream.config().timeout(),
                                    (policy, outcome) -> {}),
                                decision)));
  }

  private Future<McpOutcome> execute(
      ServerExchange ctx,
      Principal principal,
      McpSession session,
      JsonRpcMessage message,
      ToolCall call) {
    Optional<String> key = idempotencyKey(ctx, call);
    if (key.isEmpty()) {
      McpSpan span = UpstreamCall.span(ctx, message, upstream);
      return upstream
          .send(outgoing(ctx, session, span))
          .onFailure(failure -> McpFailures.failed(span, failure))
          .compose(
              exchange ->
                  UpstreamRelay.relay(
                      ctx,
                      exchange,
                      new UpstreamRelay.Plan(
                          session.server(),
                          message.id(),
                          UnaryOperator.identity(),
                          Map.of(),
                          upstream.config().timeout().toMillis(),
                          span)));
    }
    IdempotentRequest request =
        IdempotentRequest.of(
            principal.id(),
            "mcp:" + session.server() + ":" + key.get(),
            (call.name() + '\n' + call.arguments().encode()).getBytes(StandardCharsets.UTF_8),
            upstream.config().timeout());
    return gateway
        .runtime()
        .idempotency()
        .execute(request, () -> runOnce(ctx, session, message))
        .map(recorded -> replay(ctx, message, recorded));
  }

  /** Runs the call and keeps its answer whole, without the request's id, for every repeat. */
  private Future<HttpReply> runOnce(
      ServerExchange ctx, McpSession session, JsonRpcMessage message) {
    long timeout = upstream.config().timeout().toMillis();
    McpSpan span = UpstreamCall.span(ctx, message, upstream);
    return upstream
        .send(outgoing(ctx, session, span))
        .compose(
            exchange ->
                UpstreamAnswer.read(ctx.vertx(), exchange, session.server(), message.id(), timeout))
        .andThen(
            read -> {
              if (read.succeeded()) {
                span.answered(read.result());
                span.end();
              } else {
                McpFailures.failed(span, read.cause());
              }
            })
        .map(answer -> HttpReply.json(200, answer.copy().putNull("id").toBuffer()));
  }

  private static McpOutcome replay(
      ServerExchange ctx, JsonRpcMessage message, Replayable<HttpReply> recorded) {
    JsonObject answer = new JsonObject(recorded.answer().body()).put("id", message.id());
    HttpReply reply = HttpReply.json(200, answer.toBuffer());
    ReplyWriter.send(ctx, recorded.replayed() ? reply.withHeader(REPLAYED_HEADER, "true") : reply);
    return recorded.replayed() ? McpOutcome.REPLAYED : McpOutcome.RELAYED;
  }

  private static Optional<String> idempotencyKey(ServerExchange ctx, ToolCall call) {
    Optional<String> header;
    try {
      header = new RequestHeaders(ctx.request().headers()).single(IDEMPOTENCY_KEY_HEADER);
    } catch (RuntimeException e) {
      throw new McpException(JsonRpcError.INVALID_REQUEST, e.getMessage());
    }
    if (header.isPresent()
        && (header.get().isBlank() || header.get().length() > ToolCall.MAX_KEY_LENGTH)) {
      throw new McpException(
          JsonRpcError.INVALID_REQUEST,
          "header Idempotency-Key must be 1 to " + ToolCall.MAX_KEY_LENGTH + " characters");
    }
    return header.or(call::idempotencyKey);
  }

  private static McpUpstream.Outgoing outgoing(
      ServerExchange ctx, McpSession session, McpSpan span) {
    return UpstreamCall.outgoing(ctx, HttpMethod.POST, session.upstreamId(), span);
  }

  private static McpException denied(String server, String tool, Decision decision) {
    String by =
        decision.policies().isEmpty()
            ? "no policy permits it"
            : "denied by policy " + String.join(", ", decision.policies());
    return new McpException(
        JsonRpcError.DENIED,
        "tool '" + tool + "' of MCP server '" + server + "': " + by,
        Map.of("policies", decision.policies(), "action", ToolPolicy.action(server, tool)));
  }

  /** Answers the call with {@code failure}, unless the relay already answered. */
  private static void answer(ServerExchange ctx, JsonRpcMessage message, Throwable failure) {
    McpException error = McpFailures.classify(failure);
    if (!ctx.response().headWritten()) {
      RequestTracing.of(ctx).answeredWith(error.error().code(), error.getMessage());
      ReplyWriter.send(
          ctx, JsonRpcReplies.reply(message.id(), error, RequestContext.requestId(ctx)));
    }
  }
}
