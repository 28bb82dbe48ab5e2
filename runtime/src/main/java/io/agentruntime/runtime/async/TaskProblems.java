package io.agentruntime.runtime.async;

import io.agentruntime.runtime.backend.BackendException;
import io.agentruntime.runtime.backend.BackendTimeoutException;
import io.vertx.core.json.JsonObject;

/**
 * The problems a dispatch record holds, shaped as the API's problem+json bodies ({@code type},
 * {@code title}, {@code status}, {@code detail}) so a client reads them the same way.
 */
final class TaskProblems {

  private static final String BASE_URI = "https://agentruntime.io/problems/";

  private TaskProblems() {}

  /** Why an attempt failed, from the failure of its backend call. */
  static JsonObject of(Throwable failure) {
    return switch (failure) {
      case BackendTimeoutException timeout ->
          problem("backend-timeout", "Backend timeout", 504, timeout.detail());
      case BackendException backend ->
          problem("backend-error", "Backend error", 502, backend.detail());
      default ->
          problem(
              "internal-error",
              "Internal error",
              500,
              "the attempt failed: " + failure.getClass().getSimpleName());
    };
  }

  static JsonObject resultTooLarge(int bytes) {
    return problem(
        "result-too-large",
        "Result too large to keep",
        502,
        "the result is "
            + bytes
            + " bytes; a dispatch record holds at most "
            + AsyncDispatches.MAX_RESULT_BYTES
            + " (the store's item limit), so it was not kept");
  }

  static JsonObject lost(int attempt) {
    return problem(
        "attempt-lost",
        "Attempt lost",
        503,
        "attempt "
            + attempt
            + " ended with its worker: the worker stopped before recording an outcome");
  }

  static JsonObject unqueued(QueueUnavailableException failure) {
    return problem("queue-unavailable", "Queue unavailable", 503, failure.getMessage());
  }

  static JsonObject unknownIntent(String intent) {
    return problem(
        "unknown-intent",
        "Unknown intent",
        404,
        "intent '" + intent + "' is not configured on the worker");
  }

  private static JsonObject problem(String slug, String title, int status, String detail) {
    return new JsonObject()
        .put("type", BASE_URI + slug)
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
  }
}
