package io.agentruntime.runtime.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers the requests the HTTP decoder could not or would not read (Vert.x's invalid-request
 * handler) with a problem document instead of Vert.x's bare status line, then closes the
 * connection: after a malformed head nothing on it can be trusted.
 */
final class MalformedRequests implements Handler<HttpServerRequest> {

  private static final int MAX_DETAIL_LENGTH = 200;

  @Override
  public void handle(HttpServerRequest request) {
    DecoderResult result = request.decoderResult();
    Throwable cause = result == null ? null : result.cause();
    ProblemException problem = problem(cause);
    String path = request.path() == null ? "" : request.path();
    String requestId = RequestContext.newRequestId();
    ReplyWriter.send(request, requestId, Problems.reply(problem, requestId, path), true);
  }

  private static ProblemException problem(Throwable cause) {
    return switch (cause) {
      case TooLongHttpLineException tooLong ->
          new ProblemException(
              ProblemType.URI_TOO_LONG, "the request line is longer than the server accepts");
      case TooLongHttpHeaderException tooLong ->
          new ProblemException(
              ProblemType.HEADER_FIELDS_TOO_LARGE,
              "the request headers are larger than the server accepts");
      case StrictRequestDecoder.UnsupportedVersionException version ->
          new ProblemException(ProblemType.HTTP_VERSION_NOT_SUPPORTED, version.getMessage());
      case null -> new ProblemException(ProblemType.MALFORMED_REQUEST, "malformed HTTP request");
      default -> new ProblemException(ProblemType.MALFORMED_REQUEST, detail(cause));
    };
  }

  private static String detail(Throwable cause) {
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String detail = "malformed HTTP request: " + message;
    return detail.length() <= MAX_DETAIL_LENGTH
        ? detail
        : detail.substring(0, MAX_DETAIL_LENGTH) + "...";
  }
}
