package io.agentruntime.runtime.http;

import io.agentruntime.runtime.backend.PieceStream;
import io.agentruntime.runtime.budget.BudgetReservation;

/**
 * A permitted request whose answer is streamed.
 *
 * @param request the governed request
 * @param stream the backend's answer, not yet started
 * @param format how the API writes events
 * @param reservation the budgets' holds, settled when the stream ends however it ends
 * @param maxRecording bytes of the stream kept for an {@code Idempotency-Key} repeat
 */
record StreamedCall(
    GovernedRequest request,
    PieceStream stream,
    StreamFormat format,
    BudgetReservation reservation,
    long maxRecording) {}
