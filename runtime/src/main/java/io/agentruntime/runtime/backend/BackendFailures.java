package io.agentruntime.runtime.backend;

import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.time.Duration;

/**
 * The failures of calls to one backend URL of one intent, each with a detail for the caller (the
 * intent and what went wrong) and a diagnosis for the log (the address, with any password masked,
 * and the start of the backend's answer).
 */
final class BackendFailures {

  private static final int SNIPPET_LENGTH = 200;

  private final String intent;
  private final URI url;

  BackendFailures(String intent, URI url) {
    this.intent = intent;
    this.url = url;
  }

  BackendUnavailableException unreachable(Throwable cause) {
    return new BackendUnavailableException(
        backend() + " is not reachable; nothing was sent",
        "backend " + address() + " is not reachable (" + reason(cause) + "); nothing was sent",
        cause);
  }

  BackendException status(int status, Buffer body) {
    return new BackendException(
        backend() + " answered HTTP " + status,
        "backend " + address() + " answered HTTP " + status + ": " + snippet(body),
        null);
  }

  BackendException notJson(Buffer body, Throwable cause) {
    return new BackendException(
        backend() + " answered a body that is not JSON",
        "backend " + address() + " answered a body that is not JSON: " + snippet(body),
        cause);
  }

  BackendException notAnObject(Buffer body) {
    return new BackendException(
        backend() + " answered JSON that is not an object",
        "backend " + address() + " answered JSON that is not an object: " + snippet(body),
        null);
  }

  /** An answer that is valid JSON but misses what the backend type needs. */
  BackendException incomplete(String missing) {
    return new BackendException(
        backend() + " answered " + missing, "backend " + address() + " answered " + missing, null);
  }

  BackendResponseTooLargeException tooLarge(long limit) {
    return new BackendResponseTooLargeException(
        backend() + " answered more than intents[].backend.maxResponseSize (" + limit + " bytes)",
        "backend "
            + address()
            + " answered more than "
            + limit
            + " bytes (intents[].backend.maxResponseSize); the connection was closed unread");
  }

  BackendException callFailed(Throwable cause) {
    return new BackendException(
        backend() + " could not be called",
        "backend " + address() + " could not be called: " + reason(cause),
        cause);
  }

  BackendSaturatedException saturated(Bulkhead bulkhead) {
    return new BackendSaturatedException(
        backend()
            + " already has "
            + bulkhead.maxConnections()
            + " calls in progress and "
            + bulkhead.maxPending()
            + " waiting: not sent, retry later");
  }

  BackendTimeoutException timedOut(Duration timeout) {
    return new BackendTimeoutException(backend() + " did not answer within " + format(timeout));
  }

  private String backend() {
    return "the backend of intent '" + intent + "'";
  }

  /** The URL for the log, its password (if any) replaced by {@code ***}. */
  String address() {
    String userInfo = url.getRawUserInfo();
    if (userInfo == null) {
      return url.toString();
    }
    int colon = userInfo.indexOf(':');
    String masked = colon < 0 ? userInfo : userInfo.substring(0, colon) + ":***";
    return url.toString().replace(userInfo + "@", masked + "@");
  }

  private static String reason(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static String snippet(Buffer body) {
    if (body.length() == 0) {
      return "(empty body)";
    }
    if (body.length() <= SNIPPET_LENGTH) {
      return body.toString();
    }
    return body.getBuffer(0, SNIPPET_LENGTH) + "...";
  }
}
