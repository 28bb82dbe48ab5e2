package io.agentruntime.runtime.http;

import io.agentruntime.runtime.governance.RequestIds;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The per-request values handlers read from a {@link ServerExchange}: the request ids, the arrival
 * time and the body.
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

  private RequestContext() {}

  /** The runtime's own id of the request. */
  public static String requestId(ServerExchange exchange) {
    return exchange.ids().id();
  }

  public static RequestIds requestIds(ServerExchange exchange) {
    return exchange.ids();
  }

  public static long elapsedNanos(ServerExchange exchange) {
    return System.nanoTime() - exchange.startedNanos();
  }

  /** The body {@link RequestBodyReader} read; null before it has. */
  public static Buffer body(ServerExchange exchange) {
    return exchange.body();
  }

  /** The ids of a request: a fresh one of the runtime's own, and the caller's if acceptable. */
  static RequestIds requestIds(HttpServerRequest request) {
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
