package io.agentruntime.runtime.mcp;

import io.agentruntime.runtime.http.ReplyWriter;
import io.agentruntime.runtime.http.RequestContext;
import io.agentruntime.runtime.http.RequestTracing;
import io.agentruntime.runtime.http.ServerExchange;
import io.agentruntime.runtime.metrics.McpOutcome;
import io.agentruntime.runtime.tracing.McpSpan;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Relays one upstream answer to the client as it comes: an event stream event by event (each
 * written as soon as it is complete, with backpressure), any other body once whole. The answer to
 * the client's request may be rewritten on the way ({@code tools/list} filtered).
 *
 * <p>The client always gets an answer to its request: when the upstream fails, times out or ends
 * its stream without answering, the relay answers a JSON-RPC error itself, as an HTTP answer when
 * nothing was sent yet, else as a last event on the stream. An upstream that refuses the gateway's
 * own credentials (401, 403, 407) is such a failure too, never relayed.
 */
final class UpstreamRelay {

  /** Largest non-streamed body, or single event, relayed. */
  static final long MAX_MESSAGE_BYTES = 16L << 20;

  /**
   * What to relay.
   *
   * @param server the upstream's name, for error messages
   * @param id the id of the client's request the answer must answer; null when none is expected
   * @param rewrite applied to the answer to that request before it is relayed
   * @param headers added to the client's answer (the gateway's {@code Mcp-Session-Id})
   * @param timeoutMillis how long the whole answer may take; 0 for no bound (a server stream)
   * @param call the span of the upstream call, told of the answer and ended with the relay
   */
  record Plan(
      String server,
      Object id,
      UnaryOperator<JsonObject> rewrite,
      Map<String, String> headers,
      long timeoutMillis,
      McpSpan call) {}

  private final ServerExchange ctx;
  private final McpUpstream.Exchange exchange;
  private final Plan plan;
  private final Promise<McpOutcome> outcome = Promise.promise();
  private boolean committed;
  private boolean answered;
  private long timer = -1;

  private UpstreamRelay(ServerExchange ctx, McpUpstream.Exchange exchange, Plan plan) {
    this.ctx = ctx;
    this.exchange = exchange;
    this.plan = plan;
  }

  /** Relays the answer of {@code exchange}; the future tells how it went, once it has. */
  static Future<McpOutcome> relay(ServerExchange ctx, McpUpstream.Exchange exchange, Plan plan) {
    UpstreamRelay relay = new UpstreamRelay(ctx, exchange, plan);
    relay.start();
    return relay.outcome.future();
  }

  private void start() {
    HttpClientResponse upstream = exchange.response();
    ctx.onClose(closed -> abandon());
    if (plan.timeoutMillis() > 0) {
      timer =
          ctx.vertx()
              .setTimer(
                  plan.timeoutMillis(),
                  id ->
                      fail(
                          new McpException(
                              JsonRpcError.UPSTREAM_TIMEOUT,
                              "MCP server '"
                                  + plan.server()
                                  + "' did not answer within "
                                  + plan.timeoutMillis()
                                  + " ms")));
    }
    upstream.exceptionHandler(failure -> fail(brokeOff()));
    if (refusesTheGateway(upstream.statusCode())) {
      // The upstream sees the gateway's credentials, never the client's: a client told 401 would
      // try to authenticate itself (an MCP client starts OAuth discovery) and could fix nothing.
      fail(
          new McpException(
              JsonRpcError.UPSTREAM_FAILED,
              "MCP server '"
                  + plan.server()
                  + "' refused the gateway's credentials (HTTP "
                  + upstream.statusCode()
                  + "): see the server's headers in mcpServers"));
      return;
    }
    if (UpstreamMessages.isEventStream(upstream)) {
      relayEvents(upstream);
    } else {
      relayWhole(upstream);
    }
    upstream.resume();
  }

  private void relayEvents(HttpClientResponse upstream) {
    SseEvents events = new SseEvents(MAX_MESSAGE_BYTES);
    upstream.handler(
        chunk -> {
          try {
            for (SseEvents.Event event : events.feed(chunk)) {
              write(upstream, rewritten(event));
            }
          } catch (McpException e) {
            fail(e);
          }
        });
    upstream.endHandler(
        ended -> {
          if (plan.id() != null && !answered) {
            fail(brokeOff());
          } else {
            succeed(() -> commitEvents(upstream).end());
          }
        });
  }

  private SseEvents.Event rewritten(SseEvents.Event event) {
    if (plan.id() == null || answered) {
      return event;
    }
    JsonObject message = UpstreamMessages.parse(event.data());
    if (message == null || !UpstreamMessages.answers(message, plan.id())) {
      return event;
    }
    answered = true;
    plan.call().answered(message);
    JsonObject rewritten = plan.rewrite().apply(message);
    return rewritten == message ? event : event.withData(rewritten.encode());
  }

  private void write(HttpClientResponse upstream, SseEvents.Event event) {
    if (outcome.future().isComplete()) {
      return;
    }
    HttpServerResponse client = commitEvents(upstream);
    client.write(event.raw());
    if (client.writeQueueFull()) {
      upstream.pause();
      client.drainHandler(drained -> upstream.resume());
    }
  }

  private HttpServerResponse commitEvents(HttpClientResponse upstream) {
    HttpServerResponse client = ctx.response();
    if (!committed) {
      committed = true;
      client
          .setStatusCode(upstream.statusCode())
          .setChunked(true)
          .putHeader("content-type", "text/event-stream")
          .putHeader("cache-control", "no-cache")
          .putHeader("x-request-id", RequestContext.requestId(ctx));
      plan.headers().forEach(client::putHeader);
    }
    return client;
  }

  private void relayWhole(HttpClientResponse upstream) {
    Buffer body = Buffer.buffer();
    upstream.handler(
        chunk -> {
          if (body.length() + (long) chunk.length() > MAX_MESSAGE_BYTES) {
            fail(
                new McpException(
                    JsonRpcError.UPSTREAM_FAILED,
                    "MCP server '"
                        + plan.server()
                        + "' answered more than "
                        + MAX_MESSAGE_BYTES
                        + " bytes"));
          } else {
            body.appendBuffer(chunk);
          }
        });
    upstream.endHandler(ended -> succeed(() -> sendWhole(upstream, body)));
  }

  private void sendWhole(HttpClientResponse upstream, Buffer body) {
    Buffer relayed = body;
    if (plan.id() != null && UpstreamMessages.isJson(upstream)) {
      JsonObject message = UpstreamMessages.parse(body.toString());
      if (message != null && UpstreamMessages.answers(message, plan.id())) {
        answered = true;
        plan.call().answered(message);
        relayed = plan.rewrite().apply(message).toBuffer();
      }
    }
    committed = true;
    HttpServerResponse client =
        ctx.response()
            .setStatusCode(upstream.statusCode())
            .putHeader("x-request-id", RequestContext.requestId(ctx));
    String type = upstream.getHeader("content-type");
    if (type != null) {
      client.putHeader("content-type", type);
    }
    plan.headers().forEach(client::putHeader);
    client.end(relayed);
  }

  private void succeed(Runnable finish) {
    if (outcome.future().isComplete()) {
      return;
    }
    ctx.vertx().cancelTimer(timer);
    int status = exchange.response().statusCode();
    boolean failed = status >= 500;
    outcome.complete(failed ? McpOutcome.UPSTREAM_ERROR : McpOutcome.RELAYED);
    finish.run();
    if (failed) {
      plan.call().fail(Integer.toString(status), "MCP server answered HTTP " + status);
    } else {
      plan.call().end();
    }
  }

  /** Answers the client's request with {@code failure}, however far the relay had come. */
  private void fail(McpException failure) {
    if (outcome.future().isComplete()) {
      return;
    }
    outcome.complete(McpOutcome.UPSTREAM_ERROR);
    ctx.vertx().cancelTimer(timer);
    exchange.request().reset();
    plan.call().fail(failure.error().slug(), failure.getMessage());
    if (!committed || plan.id() != null && !answered) {
      RequestTracing.of(ctx).answeredWith(failure.error().code(), failure.getMessage());
    }
    String requestId = RequestContext.requestId(ctx);
    HttpServerResponse client = ctx.response();
    if (!committed) {
      ReplyWriter.send(ctx, JsonRpcReplies.reply(plan.id(), failure, requestId));
    } else if (client.isChunked() && !client.ended() && !client.closed()) {
      if (plan.id() != null && !answered) {
        client.write(
            SseEvents.Event.message(
                    JsonRpcReplies.errorMessage(plan.id(), failure, requestId).encode())
                .raw());
      }
      client.end();
    } else if (!client.ended()) {
      client.reset();
    }
  }

  private static boolean refusesTheGateway(int status) {
    return status == 401 || status == 403 || status == 407;
  }

  /** The client went away: stop the upstream's work on its behalf. */
  private void abandon() {
    if (!outcome.future().isComplete()) {
      outcome.complete(McpOutcome.RELAYED);
      ctx.vertx().cancelTimer(timer);
      exchange.request().reset();
      plan.call().fail("cancelled", "the caller left");
    }
  }

  private McpException brokeOff() {
    return new McpException(
        JsonRpcError.UPSTREAM_FAILED,
        "MCP server '" + plan.server() + "' ended its answer before answering the request");
  }
}
