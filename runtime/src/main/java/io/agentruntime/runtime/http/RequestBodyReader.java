package io.agentruntime.runtime.http;

import io.agentruntime.contract.config.ServerConfig;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.Locale;

/**
 * Reads a JSON request body within the configured size and time limits: 415 unless the body is
 * {@code application/json}, 413 past {@code server.maxBodySize}, 408 when the whole body has not
 * arrived within {@code server.requestTimeout} (kept by {@link BodyDeadlines}, to within a tenth of
 * it). The connection is closed after each of these, since the rest of the body is never read. A
 * client that sent {@code Expect: 100-continue} is told to go on only once the declared length has
 * passed: an oversized body gets its 413 unsent.
 */
public final class RequestBodyReader implements Handler<ServerExchange> {

  private static final long INITIAL_CAPACITY_LIMIT = 64 * 1024;

  private final long maxBodySize;
  private final long timeoutMillis;

  /**
   * The deadlines of the event loop this reader serves: each loop's routes are built with their own
   * reader. Were one shared, a loop it moves away from keeps checking what it started there.
   */
  private BodyDeadlines deadlines;

  public RequestBodyReader(ServerConfig config) {
    this.maxBodySize = config.maxBodySize();
    this.timeoutMillis = config.requestTimeout().toMillis();
  }

  @Override
  public void handle(ServerExchange ctx) {
    HttpServerRequest request = ctx.request();
    if (!isJson(request.getHeader("content-type"))) {
      reject(
          ctx,
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "content-type must be application/json, got "
              + describe(request.getHeader("content-type")));
      return;
    }
    long declared = declaredLength(request);
    if (declared > maxBodySize) {
      reject(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
      return;
    }
    if (expectsContinue(request)) {
      request.response().writeContinue();
    }
    new Collector(ctx, declared).start();
  }

  /** Collects one body; a stale timer or late chunk after an answer is ignored. */
  private final class Collector {
    private final ServerExchange ctx;
    private final Buffer body;
    private BodyDeadlines.Deadline deadline;
    private boolean done;

    Collector(ServerExchange ctx, long declared) {
      this.ctx = ctx;
      // A declared length is only a promise: never reserve more than a typical body up front.
      this.body = Buffer.buffer((int) Math.clamp(declared, 1024, INITIAL_CAPACITY_LIMIT));
    }

    void start() {
      HttpServerRequest request = ctx.request();
      request.handler(this::append);
      request.exceptionHandler(failure -> finish());
      request.endHandler(
          ended -> {
            if (finish()) {
              ctx.body(body);
              ctx.next();
            }
          });
      request.resume();
      // a body that came with its head has been read by now: only a body still on its way is timed
      if (!done) {
        deadline = deadlines(ctx.vertx().getOrCreateContext()).start(this::timedOut);
      }
    }

    private void append(Buffer chunk) {
      if (done) {
        return;
      }
      if (body.length() + (long) chunk.length() > maxBodySize) {
        finish();
        reject(ctx, ProblemType.PAYLOAD_TOO_LARGE, tooLarge());
        return;
      }
      body.appendBuffer(chunk);
    }

    private void timedOut() {
      if (!done) {
        done = true;
        reject(
            ctx,
            ProblemType.REQUEST_TIMEOUT,
            "the request body was not received within " + timeoutMillis + " ms");
      }
    }

    /** Marks the body finished; false when it already was. */
    private boolean finish() {
      if (done) {
        return false;
      }
      done = true;
      if (deadline != null) {
        deadline.cancel();
      }
      return true;
    }
  }

  private BodyDeadlines deadlines(Context context) {
    if (deadlines == null || !deadlines.keptOn(context)) {
      deadlines = new BodyDeadlines(context, timeoutMillis);
    }
    return deadlines;
  }

  private String tooLarge() {
    return "the request body is larger than server.maxBodySize (" + maxBodySize + " bytes)";
  }

  private static void reject(ServerExchange ctx, ProblemType type, String detail) {
    ReplyWriter.sendProblem(ctx, new ProblemException(type, detail), true);
  }

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader("content-length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A client waiting for {@code 100 Continue} sends the body only once this check has passed. */
  private static boolean expectsContinue(HttpServerRequest request) {
    return request.version() == HttpVersion.HTTP_1_1
        && "100-continue".equalsIgnoreCase(request.getHeader("expect"));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
    return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static String describe(String contentType) {
    return contentType == null
        ? "none"
        : "'" + (contentType.length() > 64 ? contentType.substring(0, 64) : contentType) + "'";
  }
}
