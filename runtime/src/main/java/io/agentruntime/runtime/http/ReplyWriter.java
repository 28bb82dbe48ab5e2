package io.agentruntime.runtime.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/** Sends a {@link HttpReply}; every answer of the runtime leaves through here. */
public final class ReplyWriter {

  private ReplyWriter() {}

  public static void send(RoutingContext ctx, HttpReply reply) {
    send(ctx, reply, false);
  }

  /**
   * @param closeConnection close the connection once sent: the rest of the request body was not
   *     read, so the connection cannot carry another request (HTTP/1.x only: an HTTP/2 stream ends
   *     on its own without affecting the other streams)
   */
  static void send(RoutingContext ctx, HttpReply reply, boolean closeConnection) {
    send(ctx.request(), RequestContext.requestId(ctx), reply, closeConnection);
  }

  /** Sends {@code reply} to {@code request}, which no router has seen. */
  static void send(
      HttpServerRequest request, String requestId, HttpReply reply, boolean closeConnection) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response
        .setStatusCode(reply.status())
        .putHeader("content-type", reply.contentType())
        .putHeader(RequestContext.REQUEST_ID_HEADER, requestId);
    reply.headers().forEach(response::putHeader);
    if (closeConnection && request.version() != HttpVersion.HTTP_2) {
      response.putHeader("connection", "close");
      response.end(reply.body()).onComplete(sent -> request.connection().close());
    } else {
      response.end(reply.body());
    }
  }

  /** Sends the problem answer for {@code failure}. */
  public static void sendProblem(RoutingContext ctx, Throwable failure, boolean closeConnection) {
    send(
        ctx,
        Problems.reply(failure, RequestContext.requestId(ctx), ctx.request().path()),
        closeConnection);
  }
}
