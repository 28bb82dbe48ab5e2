package io.agentruntime.runtime.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Per-request values the handlers share through the {@link RoutingContext}: the request id, the
 * arrival time and the body.
 */
final class RequestContext {

  static final String REQUEST_ID_HEADER = "x-request-id";
  private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String REQUEST_ID = "agentruntime.requestId";
  private static final String STARTED = "agentruntime.startedNanos";
  private static final String BODY = "agentruntime.body";

  private RequestContext() {}

  /** The first handler of every route: assigns the request id and notes the arrival time. */
  static void begin(RoutingContext ctx) {
    ctx.put(STARTED, System.nanoTime());
    ctx.put(REQUEST_ID, requestId(ctx.request()));
    ctx.next();
  }

  static String requestId(RoutingContext ctx) {
    String id = ctx.get(REQUEST_ID);
    return id != null ? id : requestId(ctx.request());
  }

  static long elapsedNanos(RoutingContext ctx) {
    Long started = ctx.get(STARTED);
    return started == null ? 0 : System.nanoTime() - started;
  }

  static Buffer body(RoutingContext ctx) {
    return ctx.get(BODY);
  }

  static void body(RoutingContext ctx, Buffer body) {
    ctx.put(BODY, body);
  }

  private static String requestId(HttpServerRequest request) {
    String given = request.getHeader(REQUEST_ID_HEADER);
    if (given != null && SANE_REQUEST_ID.matcher(given).matches()) {
      return given;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong() | Long.MIN_VALUE)
        + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
  }
}
