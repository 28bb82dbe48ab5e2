package io.agentruntime.runtime.http;

import io.agentruntime.runtime.governance.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Per-request values the handlers share through the {@link RoutingContext}: the request ids, the
 * arrival time and the body.
 *
 * <p>Every request gets an id of the runtime's own. A caller's {@code x-request-id} is kept beside
 * it when it has the accepted form ({@value #CLIENT_REQUEST_ID_FORM}), and ignored otherwise: a
 * caller chooses that id freely, so it can never stand for the request in the audit trail.
 */
public final class RequestContext {

  static final String REQUEST_ID_HEADER = "x-request-id";

  /** The form of a caller's {@code x-request-id} worth keeping: 1 to 128 of these characters. */
  static final String CLIENT_REQUEST_ID_FORM = "[A-Za-z0-9._:-]{1,128}";

  private static final Pattern CLIENT_REQUEST_ID = Pattern.compile(CLIENT_REQUEST_ID_FORM);
  private static final String REQUEST_IDS = "agentruntime.requestIds";
  private static final String STARTED = "agentruntime.startedNanos";
  private static final String BODY = "agentruntime.body";

  private RequestContext() {}

  /** The first handler of every route: assigns the request ids and notes the arrival time. */
  static void begin(RoutingContext ctx) {
    ctx.put(STARTED, System.nanoTime());
    ctx.put(REQUEST_IDS, requestIds(ctx.request()));
    ctx.next();
  }

  /** The runtime's own id of the request. */
  public static String requestId(RoutingContext ctx) {
    return requestIds(ctx).id();
  }

  public static RequestIds requestIds(RoutingContext ctx) {
    RequestIds ids = ctx.get(REQUEST_IDS);
    if (ids == null) {
      ids = requestIds(ctx.request());
      ctx.put(REQUEST_IDS, ids);
    }
    return ids;
  }

  public static long elapsedNanos(RoutingContext ctx) {
    Long started = ctx.get(STARTED);
    return started == null ? 0 : System.nanoTime() - started;
  }

  public static Buffer body(RoutingContext ctx) {
    return ctx.get(BODY);
  }

  static void body(RoutingContext ctx, Buffer body) {
    ctx.put(BODY, body);
  }

  private static RequestIds requestIds(HttpServerRequest request) {
    String given = request.getHeader(REQUEST_ID_HEADER);
    Optional<String> client =
        given != null && CLIENT_REQUEST_ID.matcher(given).matches()
            ? Optional.of(given)
            : Optional.empty();
    return new RequestIds(newRequestId(), client);
  }

  /** A fresh id of the runtime's own: 32 hexadecimal characters. */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong() | Long.MIN_VALUE)
        + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
  }
}
