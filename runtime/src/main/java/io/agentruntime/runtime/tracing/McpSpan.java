package io.agentruntime.runtime.tracing;

import static io.agentruntime.runtime.tracing.SpanAttributes.NETWORK_PROTOCOL;
import static io.agentruntime.runtime.tracing.SpanAttributes.NETWORK_TRANSPORT;
import static io.agentruntime.runtime.tracing.SpanAttributes.OTHER;
import static io.agentruntime.runtime.tracing.SpanAttributes.TOOL_ERROR;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Map;

/**
 * The client span of one message relayed to an upstream MCP server, following the MCP semantic
 * conventions ({@code <method> <tool>}, kind client). Its W3C headers go with the HTTP request, so
 * an upstream that traces joins the caller's trace. The upstream's answer marks it failed when it
 * is a JSON-RPC error (by its code; the upstream's message stays out, as it may quote arguments) or
 * a tool's error result; nothing of a tool's arguments or result is recorded.
 */
public final class McpSpan {

  /** Tracing off: no span, no headers. */
  public static final McpSpan OFF = new McpSpan(Span.getInvalid(), Map.of(), RequestTrace.OFF);

  private final Span span;
  private final Map<String, String> headers;
  private final RequestTrace request;
  private boolean ended;

  private McpSpan(Span span, Map<String, String> headers, RequestTrace request) {
    this.span = span;
    this.headers = headers;
    this.request = request;
  }

  static McpSpan start(
      Tracing tracing, Context parent, RequestTrace request, McpOperation operation, URI url) {
    Span span =
        tracing
            .client(parent, operation.spanName(), url)
            .setAllAttributes(operation.attributes())
            .setAttribute(NETWORK_TRANSPORT, "tcp")
            .setAttribute(NETWORK_PROTOCOL, "http")
            .startSpan();
    return new McpSpan(span, Tracing.headers(parent.with(span)), request);
  }

  /** The W3C {@code traceparent} (and {@code tracestate}) to send upstream; empty off. */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Notes the upstream's answer to the request, on this span and on the request's, which relays it.
   */
  public void answered(JsonObject answer) {
    if (!span.isRecording()) {
      return;
    }
    if (answer.getValue("error") instanceof JsonObject error) {
      // the upstream writes the code: only an integer, as JSON-RPC has it, becomes an attribute
      String code =
          error.getValue("code") instanceof Number number
                  && number.longValue() == number.doubleValue()
              ? Long.toString(number.longValue())
              : OTHER;
      RequestTrace.failed(span, code, code, null);
      request.answeredWith(code, code, null);
    } else if (answer.getValue("result") instanceof JsonObject result
        && Boolean.TRUE.equals(result.getValue("isError"))) {
      RequestTrace.failed(span, TOOL_ERROR, null, null);
      request.answeredWith(TOOL_ERROR, null, null);
    }
  }

  /** Ends the call once the answer is relayed (or the caller left). */
  public void end() {
    if (!ended) {
      ended = true;
      span.end();
    }
  }

  /**
   * Ends a call the upstream did not answer.
   *
   * @param errorType why: the gateway's error (e.g. {@code mcp-upstream-timeout}) or the upstream's
   *     HTTP status
   * @param message what the caller was told
   */
  public void fail(String errorType, String message) {
    if (!ended) {
      RequestTrace.failed(span, errorType, null, message);
    }
    end();
  }
}
