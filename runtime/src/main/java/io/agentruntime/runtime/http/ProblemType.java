package io.agentruntime.runtime.http;

import java.util.OptionalInt;

/**
 * Every problem the runtime answers with: HTTP status, title and the stable {@code type} URI {@code
 * https://agentruntime.io/problems/<slug>} clients may switch on.
 */
public enum ProblemType {
  MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
  INVALID_ENCODING(400, "invalid-encoding", "Body is not valid UTF-8"),
  INVALID_REQUEST(400, "invalid-request", "Invalid request"),
  INVALID_HEADER(400, "invalid-header", "Invalid header"),
  MALFORMED_REQUEST(400, "malformed-request", "Malformed HTTP request"),
  UNAUTHENTICATED(401, "unauthenticated", "No principal"),
  DENIED(403, "denied", "Denied by policy"),
  UNKNOWN_INTENT(404, "unknown-intent", "Unknown intent"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  REQUEST_TIMEOUT(408, "request-timeout", "Request body not received in time"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  DISPATCH_TOO_LARGE(413, "dispatch-too-large", "Dispatch too large to queue"),
  CONTEXT_TOO_LARGE(413, "context-too-large", "Context too large"),
  URI_TOO_LONG(414, "uri-too-long", "Request line too long"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request headers too large"),
  IDEMPOTENCY_IN_PROGRESS(409, "idempotency-in-progress", "Idempotency-Key in progress"),
  IDEMPOTENCY_REPLY_TOO_LARGE(409, "idempotency-reply-too-large", "Answer too large to replay"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency-Key reused"),
  RATE_LIMITED(429, "rate-limited", "Rate limited"),
  BUDGET_EXHAUSTED(429, "budget-exhausted", "Budget exhausted"),
  BACKEND_ERROR(502, "backend-error", "Backend error"),
  BACKEND_RESPONSE_TOO_LARGE(502, "backend-response-too-large", "Backend answer too large"),
  NOT_READY(503, "not-ready", "Not ready"),
  POLICY_STORE_STALE(503, "policy-store-stale", "Policy store stale"),
  // a full bulkhead drains within a backend timeout: come back soon, maybe to another pod
  BACKEND_SATURATED(503, "backend-saturated", "Backend saturated", 1),
  // nothing listens yet, e.g. a model server starting: that takes tens of seconds or more
  BACKEND_UNAVAILABLE(503, "backend-unavailable", "Backend unavailable", 10),
  RATE_LIMIT_STORE_UNAVAILABLE(503, "rate-limit-store-unavailable", "Rate limit store unavailable"),
  BUDGET_STORE_UNAVAILABLE(503, "budget-store-unavailable", "Budget store unavailable"),
  IDEMPOTENCY_STORE_UNAVAILABLE(
      503, "idempotency-store-unavailable", "Idempotency store unavailable"),
  MCP_SESSION_STORE_UNAVAILABLE(
      503, "mcp-session-store-unavailable", "MCP session store unavailable"),
  QUEUE_UNAVAILABLE(503, "queue-unavailable", "Queue unavailable"),
  DISPATCH_STORE_UNAVAILABLE(503, "dispatch-store-unavailable", "Dispatch records unavailable"),
  BACKEND_TIMEOUT(504, "backend-timeout", "Backend timeout"),
  HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP version not supported"),
  INTERNAL_ERROR(500, "internal-error", "Internal error");

  private static final String BASE_URI = "https://agentruntime.io/problems/";

  /** Seconds a client should wait before retrying a 503 unless its type says otherwise. */
  private static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

  private final int status;
  private final String uri;
  private final String title;
  private final OptionalInt retryAfterSeconds;

  ProblemType(int status, String slug, String title) {
    this(status, slug, title, status == 503 ? UNAVAILABLE_RETRY_AFTER_SECONDS : 0);
  }

  ProblemType(int status, String slug, String title, int retryAfterSeconds) {
    this.status = status;
    this.uri = BASE_URI + slug;
    this.title = title;
    this.retryAfterSeconds =
        retryAfterSeconds > 0 ? OptionalInt.of(retryAfterSeconds) : OptionalInt.empty();
  }

  /**
   * The {@code Retry-After} every answer of this type carries: each 503; a 429's depends on its
   * bucket and is set where it is known.
   */
  public OptionalInt retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  /** The RFC 9457 {@code type} member. */
  public String uri() {
    return uri;
  }

  public String title() {
    return title;
  }
}
