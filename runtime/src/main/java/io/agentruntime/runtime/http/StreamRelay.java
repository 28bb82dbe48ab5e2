package io.agentruntime.runtime.http;

import io.agentruntime.runtime.backend.BackendTimeoutException;
import io.agentruntime.runtime.backend.PieceListener;
import io.agentruntime.runtime.backend.PieceStream;
import io.agentruntime.runtime.budget.UsageCharge;
import io.agentruntime.runtime.usage.CallOutcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Relays a backend's {@link PieceStream} to the caller as server-sent events, piece by piece as
 * they come, never faster than the caller reads: when the response's write queue is full the
 * backend is paused until it drains, so a stalled reader costs the runtime a bounded buffer, not
 * the whole answer.
 *
 * <p>The call's budget reservation is settled once, when the stream ends however it ends, from the
 * usage the backend reported by then ({@link UsageCharge}); the head carries what the budgets had
 * left once it was placed.
 *
 * <p>Nothing is sent before the backend's first piece: until then a failure (the backend
 * unreachable, saturated, answering an error, or silent past {@code firstByteTimeout}) is the usual
 * error answer with its status. From the first piece on, the status is 200 and a failure is one
 * final error event. A caller that disconnects cancels the backend call at once.
 *
 * <p>The future holds the stream as the caller received it (for an {@code Idempotency-Key} repeat
 * to replay; recorded up to {@code maxRecording} bytes plus one event, beyond which it is too large
 * to keep), or the error answer still to be sent.
 */
final class StreamRelay implements PieceListener {

  static final String EVENT_STREAM = "text/event-stream";

  private final ServerExchange ctx;
  private final StreamedCall call;
  private final PieceStream stream;
  private final StreamDeadlines deadlines;
  private final Promise<HttpReply> outcome = Promise.promise();
  private final Buffer recording = Buffer.buffer();
  private final long backendStart = System.nanoTime();
  private boolean started;
  private boolean over;
  private String finishReason;
  private Throwable failure;

  private StreamRelay(ServerExchange ctx, StreamedCall call) {
    this.ctx = ctx;
    this.call = call;
    this.stream = call.stream();
    this.deadlines =
        new StreamDeadlines(ctx.vertx(), call.request().intent().config(), this::expired);
  }

  /** Starts the backend call and relays its answer; see the class comment for the future. */
  static Future<HttpReply> relay(ServerExchange ctx, StreamedCall call) {
    StreamRelay relay = new StreamRelay(ctx, call);
    relay.start();
    return relay.outcome.future();
  }

  /**
   * Whether a relay has answered (and counted) the request: streamed it, or saw the caller leave.
   */
  static boolean answered(ServerExchange ctx) {
    return ctx.answeredByRelay();
  }

  private void start() {
    ctx.onClose(closed -> disconnected());
    deadlines.start();
    stream.start(this);
  }

  @Override
  public void piece(JsonObject piece) {
    if (over) {
      return;
    }
    open();
    deadlines.piece();
    HttpServerResponse response = ctx.response();
    write(call.format().piece(piece));
    if (response.writeQueueFull()) {
      stream.pause();
      deadlines.paused();
      response.drainHandler(
          drained -> {
            if (!over) {
              deadlines.resumed();
              stream.resume();
            }
          });
    }
  }

  @Override
  public void end(String finishReason) {
    if (over) {
      return;
    }
    open();
    this.finishReason = finishReason;
    write(
        call.format()
            .done(
                new StreamFormat.StreamSummary(
                    stream.reportedUsage(),
                    finishReason,
                    RequestContext.elapsedNanos(ctx) / 1_000_000.0)));
    finish(CallOutcome.COMPLETED, 200);
  }

  @Override
  public void fail(Throwable failure) {
    if (over) {
      return;
    }
    this.failure = failure;
    HttpReply problem = Problems.reply(failure, call.request().requestId(), ctx.request().path());
    if (!started) {
      over = true;
      deadlines.stop();
      // the handler sends the problem and counts it, as for any answer sent whole
      report(CallOutcome.FAILED, -1);
      outcome.complete(call.format().problem(problem));
      return;
    }
    write(call.format().error(problem));
    finish(CallOutcome.FAILED, problem.status());
  }

  private void expired(BackendTimeoutException timeout) {
    if (!over) {
      stream.cancel();
      fail(timeout);
    }
  }

  private void disconnected() {
    if (!over) {
      over = true;
      ctx.markAnsweredByRelay();
      deadlines.stop();
      stream.cancel();
      failure = new CancellationException("the caller closed the stream");
      // 499: the caller closed the request, as proxies count it; never sent to anyone
      report(CallOutcome.CANCELLED, 499);
      outcome.complete(recorded());
    }
  }

  /** Sends the head and the opening event with the first piece (or the end of an empty one). */
  private void open() {
    if (started) {
      return;
    }
    started = true;
    ctx.markAnsweredByRelay();
    call.request().intent().meters().recordFirstByte(RequestContext.elapsedNanos(ctx));
    call.span().firstChunk();
    ctx.response()
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("content-type", EVENT_STREAM)
        .putHeader("cache-control", "no-cache")
        .putHeader(RequestContext.REQUEST_ID_HEADER, call.request().requestId());
    BudgetHeaderWriter.withRemaining(ctx.response(), call.reservation().remaining());
    write(call.format().opening());
  }

  private void write(Buffer bytes) {
    if (bytes.length() == 0) {
      return;
    }
    if (recording.length() <= call.maxRecording()) {
      recording.appendBuffer(bytes);
    }
    ctx.response().write(bytes);
  }

  private void finish(CallOutcome how, int status) {
    over = true;
    deadlines.stop();
    ctx.response().end();
    report(how, status);
    outcome.complete(recorded());
  }

  private HttpReply recorded() {
    return new HttpReply(200, EVENT_STREAM, recording, Map.of("cache-control", "no-cache"));
  }

  /**
   * @param status the status the stream is counted under: 200, the error event's problem status,
   *     499 for a caller that left; negative when the answer is sent whole and counted elsewhere
   */
  private void report(CallOutcome how, int status) {
    long now = System.nanoTime();
    call.request().intent().meters().recordBackend(now - backendStart);
    if (status > 0) {
      call.request().intent().meters().recordDispatch(status, RequestContext.elapsedNanos(ctx));
    }
    UsageCharge.settle(call.request().intent(), call.reservation(), how, stream.reportedUsage());
    call.span()
        .end(stream.reportedUsage(), Optional.empty(), Optional.ofNullable(finishReason), failure);
  }
}
