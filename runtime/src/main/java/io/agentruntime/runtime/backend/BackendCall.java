package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;

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
 * @param abandoned if the caller may give up: completes when the caller no longer wants the answer
 *     (a long-running dispatch cancelled mid-call): a remote backend's request is then reset, so
 *     the backend sees its caller leave, and the call fails with {@link
 *     java.util.concurrent.CancellationException}
 */
public record BackendCall(
    String requestId,
    String intent,
    JsonObject input,
    JsonObject context,
    JsonObject decision,
    Map<String, String> traceHeaders,
    Optional<Future<Void>> abandoned) {

  public BackendCall {
    traceHeaders = Map.copyOf(traceHeaders);
  }

  /** A call whose caller waits for its answer or its timeout. */
  public BackendCall(
      String requestId,
      String intent,
      JsonObject input,
      JsonObject context,
      JsonObject decision,
      Map<String, String> traceHeaders) {
    this(requestId, intent, input, context, decision, traceHeaders, Optional.empty());
  }

  /** A call outside any trace. */
  public BackendCall(
      String requestId, String intent, JsonObject input, JsonObject context, JsonObject decision) {
    this(requestId, intent, input, context, decision, Map.of());
  }
}
