package io.agentruntime.runtime.backend;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;

/**
 * Reads a backend's answer up to a limit. A declared {@code content-length} over it fails at once;
 * a body that grows past it fails at the chunk that crosses it. Either way the request is reset,
 * which closes the HTTP/1.1 connection, so nothing past the limit is read or kept: one backend
 * answering hundreds of megabytes cannot fill the pod's heap.
 */
final class BoundedBody {

  /** Never reserve more than this up front, whatever the backend declares. */
  private static final int INITIAL_CAPACITY_LIMIT = 64 * 1024;

  private BoundedBody() {}

  static Future<Buffer> read(
      HttpClientRequest request,
      HttpClientResponse response,
      long limit,
      BackendFailures failures) {
    long declared = declaredLength(response);
    if (declared > limit) {
      request.reset();
      return Future.failedFuture(failures.tooLarge(limit));
    }
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer((int) Math.clamp(declared, 256, INITIAL_CAPACITY_LIMIT));
    response.handler(
        chunk -> {
          if (body.future().isComplete()) {
            return;
          }
          if (received.length() + (long) chunk.length() > limit) {
            body.tryFail(failures.tooLarge(limit));
            request.reset();
            return;
          }
          received.appendBuffer(chunk);
        });
    response.exceptionHandler(body::tryFail);
    response.endHandler(ended -> body.tryComplete(received));
    return body.future();
  }

  private static long declaredLength(HttpClientResponse response) {
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
