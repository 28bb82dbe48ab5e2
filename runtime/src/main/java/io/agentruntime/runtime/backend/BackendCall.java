package io.agentruntime.runtime.backend;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One governed dispatch handed to a backend.
 *
 * @param requestId the request's id (sent to HTTP backends as {@code x-request-id})
 * @param intent the intent name
 * @param input the request's {@code input} object (empty when absent)
 * @param context the request's {@code context} object (empty when absent)
 * @param decision the governance decision as rendered in the response ({@code effect}, {@code
 *     policies}, {@code mode})
 * @param traceHeaders the W3C trace headers ({@code traceparent}, {@code tracestate}) sent to a
 *     remote backend, so that its spans join the request's trace; empty when tracing is off
 */
public record BackendCall(
    String requestId,
    String intent,
    JsonObject input,
    JsonObject context,
    JsonObject decision,
    Map<String, String> traceHeaders) {

  public BackendCall {
    traceHeaders = Map.copyOf(traceHeaders);
  }

  /** A call outside any trace. */
  public BackendCall(
      String requestId, String intent, JsonObject input, JsonObject context, JsonObject decision) {
    this(requestId, intent, input, context, decision, Map.of());
  }
}
