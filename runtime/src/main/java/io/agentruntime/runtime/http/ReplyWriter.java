package io.agentruntime.runtime.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** Sends a {@link HttpReply}; every answer of the runtime leaves through here. */
public final class ReplyWriter {

  // Header names and the usual values encoded once, rather than for every answer.
  private static final CharSequence CONTENT_TYPE = HttpHeaders.CONTENT_TYPE;
  private static final CharSequence REQUEST_ID =
      HttpHeaders.createOptimized(RequestContext.REQUEST_ID_HEADER);
  private static final CharSequence JSON = HttpHeaders.createOptimized(HttpReply.JSON);
  private static final CharSequence PROBLEM_JSON =
      HttpHeaders.createOptimized(HttpReply.PROBLEM_JSON);

  private ReplyWriter() {}

  public static void send(ServerExchange ctx, HttpReply reply) {
    send(ctx, reply, false);
  }

  /**
   * @param closeConnection close the connection once sent: the rest of the request body was not
   *     read, so the connection cannot carry another request (HTTP/1.x only: an HTTP/2 stream ends
   *     on its own without affecting the other streams)
   */
  static void send(ServerExchange ctx, HttpReply reply, boolean closeConnection) {
    send(ctx.request(), RequestContext.requestId(ctx), reply, closeConnection);
  }

  /** Sends {@code reply} to {@code request}, which no route has taken. */
  static void send(
      HttpServerRequest request, String requestId, HttpReply reply, boolean closeConnection) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(reply.status())
        .putHeader(CONTENT_TYPE, encoded(reply.contentType()))
        .putHeader(REQUEST_ID, requestId);
    reply.headers().forEach(response::putHeader);
    if (closeConnection && request.version() != HttpVersion.HTTP_2) {
      response.putHeader("connection", "close");
      response.end(reply.body()).onComplete(sent -> request.connection().close());
    } else {
      response.end(reply.body());
    }
  }

  private static CharSequence encoded(String contentType) {
    return switch (contentType) {
      case HttpReply.JSON -> JSON;
      case HttpReply.PROBLEM_JSON -> PROBLEM_JSON;
      default -> contentType;
    };
  }

  /** Sends the problem answer for {@code failure}. */
  public static void sendProblem(ServerExchange ctx, Throwable failure, boolean closeConnection) {
    send(
        ctx,
        Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path()),
        closeConnection);
  }
}
