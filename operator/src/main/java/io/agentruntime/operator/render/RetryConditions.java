package io.agentruntime.operator.render;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The conditions of a mesh retry policy (Istio {@code retryOn}, Envoy's {@code x-envoy-retry-on})
 * and whether they may re-send a request the runtime already processed.
 *
 * <p>A {@code POST /dispatch} that reached the runtime may have called a backend; sending it again
 * calls the backend twice unless the caller sent an {@code Idempotency-Key} and the runtime
 * deduplicates. Only conditions where the request provably never reached the runtime's process are
 * safe; every other condition, including ones unknown here, counts as unsafe.
 *
 * @param conditions the conditions in the order written, without blanks
 */
public record RetryConditions(List<String> conditions) {

  /**
   * Conditions raised before the runtime could read the request: the connection failed or the
   * client proxy rejected the request itself, HTTP/2 refused the stream (the peer guarantees it did
   * no work), or the gRPC status says the server is unavailable.
   */
  private static final Set<String> SAFE =
      Set.of(
          "connect-failure",
          "refused-stream",
          "reset-before-request",
          "unavailable",
          "envoy-ratelimited");

  /** A copy of {@code conditions}. */
  public RetryConditions {
    conditions = List.copyOf(conditions);
  }

  /** The conditions of a comma-separated {@code retryOn}, e.g. {@code connect-failure,5xx}. */
  public static RetryConditions parse(String retryOn) {
    return new RetryConditions(
        Arrays.stream(retryOn.split(","))
            .map(String::strip)
            .filter(condition -> !condition.isEmpty())
            .toList());
  }

  /**
   * The conditions that may retry a request the runtime already processed ({@code 5xx}, {@code
   * gateway-error}, {@code reset}, {@code retriable-status-codes}, a status code such as {@code
   * 503}, ...), in the order written; empty when every condition is safe.
   */
  public List<String> unsafe() {
    return conditions.stream().filter(condition -> !SAFE.contains(condition)).toList();
  }

  /** Whether a retry may execute a request twice (see {@link #unsafe()}). */
  public boolean mayRepeatProcessedRequests() {
    return !unsafe().isEmpty();
  }

  /** The conditions as Istio's comma-separated {@code retryOn}. */
  public String retryOn() {
    return String.join(",", conditions);
  }
}
