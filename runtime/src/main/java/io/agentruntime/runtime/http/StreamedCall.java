package io.agentruntime.runtime.http;

import io.agentruntime.runtime.backend.PieceStream;
import io.agentruntime.runtime.budget.BudgetReservation;
import io.agentruntime.runtime.tracing.BackendSpan;
import io.vertx.core.json.JsonObject;

/**
 * A permitted request whose answer is streamed.
 *
 * @param request the governed request
 * @param stream the backend's answer, not yet started
 * @param span the backend call's span, ended by the relay
 * @param format how the API writes events
 * @param reservation the budgets' holds, settled when the stream ends however it ends
 * @param maxRecording bytes of the stream kept for an {@code Idempotency-Key} repeat
 */
record StreamedCall(
    GovernedRequest request,
    PieceStream stream,
    BackendSpan span,
    StreamFormat format,
    BudgetReservation reservation,
    long maxRecording) {

  /** The streamed call of {@code request}'s backend, its span started, the stream not yet. */
  static StreamedCall start(
      GovernedRequest request,
      JsonObject decisionBody,
      StreamFormat format,
      BudgetReservation reservation,
      long maxRecording) {
    BackendSpan span = request.trace().backend(request.intent().config(), true);
    PieceStream stream =
        request.intent().backend().stream(DispatchHandler.call(request, decisionBody, span));
    return new StreamedCall(request, stream, span, format, reservation, maxRecording);
  }
}
