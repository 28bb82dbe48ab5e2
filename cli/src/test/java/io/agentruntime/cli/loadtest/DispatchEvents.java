package io.agentruntime.cli.loadtest;

import io.agentruntime.runtime.testing.LoopbackServer.Responder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;

/**
 * A loopback server's streamed {@code /dispatch} answers, written over time as the runtime writes
 * them: a {@code decision} event, then {@code piece} events, the first {@code firstDelay} after the
 * request and the next ones {@code apart}, then the stream's {@link End}.
 */
final class DispatchEvents {

  /** How a stream ends after its pieces. */
  enum End {
    /** A {@code done} event: the stream completed. */
    DONE,
    /** An {@code error} event, a {@code backend-error} problem. */
    ERROR,
    /** The answer ends without an end event. */
    NO_DONE,
    /** The connection is closed in the middle of the chunked answer. */
    CUT
  }

  private DispatchEvents() {}

  /** Every answer the same. */
  static Responder streaming(int pieces, Duration firstDelay, Duration apart) {
    return (request, arrival) -> respond(request.response(), pieces, firstDelay, apart, End.DONE);
  }

  /** The request number {@code n} (from 0) ends with {@code ends[n % ends.length]}. */
  static Responder cycling(int pieces, Duration apart, End... ends) {
    return (request, arrival) ->
        respond(request.response(), pieces, apart, apart, ends[(int) (arrival % ends.length)]);
  }

  private static void respond(
      HttpServerResponse response, int pieces, Duration firstDelay, Duration apart, End end) {
    response
        .setChunked(true)
        .putHeader("content-type", "text/event-stream")
        .write("event: decision\ndata: {\"decision\":{\"effect\":\"Allow\"}}\n\n");
    Vertx vertx = Vertx.currentContext().owner();
    vertx.setTimer(firstDelay.toMillis(), id -> next(vertx, response, pieces, 0, apart, end));
  }

  private static void next(
      Vertx vertx, HttpServerResponse response, int pieces, int index, Duration apart, End end) {
    if (response.closed()) {
      return;
    }
    if (index < pieces) {
      response.write("event: piece\ndata: {\"content\":\"part " + index + "\"}\n\n");
      if (index + 1 < pieces) {
        vertx.setTimer(
            apart.toMillis(), id -> next(vertx, response, pieces, index + 1, apart, end));
        return;
      }
    }
    switch (end) {
      case DONE -> response.end("event: done\ndata: {\"finishReason\":\"stop\"}\n\n");
      case ERROR ->
          response.end(
              "event: error\ndata: {\"type\":\"https://agentruntime.io/problems/backend-error\","
                  + "\"status\":502}\n\n");
      case NO_DONE -> response.end();
      case CUT -> response.reset();
    }
  }
}
