package io.agentruntime.runtime.http;

import io.agentruntime.runtime.backend.PieceStream;
import io.agentruntime.runtime.tracing.BackendSpan;
import io.agentruntime.runtime.usage.CompletionListener;
import io.vertx.core.json.JsonObject;

/**
 * A permitted request whose answer is streamed.
 *
 * @param request the governed request
 * @param stream the backend's answer, not yet started
 * @param span the backend call's span, ended by the relay
 * @param format how the API writes events
 * @param completions told how the call ended and what it used
 * @param maxRecording bytes of the stream kept for an {@code Idempotency-Key} repeat
 */
record StreamedCall(
    GovernedRequest request,
    PieceStream stream,
    BackendSpan span,
    StreamFormat format,
    CompletionListener completions,
    long maxRecording) {

  /** The streamed call of {@code request}'s backend, its span started, the stream not yet. */
  static StreamedCall start(
      GovernedRequest request,
      JsonObject decisionBody,
      StreamFormat format,
      CompletionListener completions,
      long maxRecording) {
    BackendSpan span = request.trace().backend(request.intent().config(), true);
    PieceStream stream =
        request.intent().backend().stream(DispatchHandler.call(request, decisionBody, span));
    return new StreamedCall(request, stream, span, format, completions, maxRecording);
  }
}
