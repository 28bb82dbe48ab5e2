package io.agentruntime.cli.loadtest;

import io.vertx.core.json.JsonObject;

/**
 * What one stage (or the whole test) measured, in the original "Load Test Results" terms. Latencies
 * cover every request that got an answer, whatever its status; timeouts and connection errors are
 * counted but have no latency.
 *
 * @param requests requests sent
 * @param seconds wall time from the first send to the last answer
 * @param success answers with a 2xx or 3xx status
 * @param status4xx answers with a 4xx status
 * @param status5xx answers with a 5xx status
 * @param timeouts requests not answered within {@code --timeout}
 * @param errors requests that failed otherwise (connection refused or reset)
 * @param latency the answered requests' latencies
 */
record LoadResult(
    long requests,
    double seconds,
    long success,
    long status4xx,
    long status5xx,
    long timeouts,
    long errors,
    Latency latency) {

  /**
   * Latencies in milliseconds.
   *
   * @param average the mean
   * @param p50 the median
   * @param p95 the 95th percentile
   * @param p99 the 99th percentile
   * @param max the largest
   */
  record Latency(double average, double p50, double p95, double p99, double max) {}

  double requestsPerSecond() {
    return seconds > 0 ? requests / seconds : 0;
  }

  /** Successful answers over requests sent, from 0 to 1. */
  double successRate() {
    return requests > 0 ? (double) success / requests : 0;
  }

  long answered() {
    return success + status4xx + status5xx;
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("requests", requests)
        .put("seconds", seconds)
        .put("requestsPerSecond", requestsPerSecond())
        .put("success", success)
        .put("successRate", successRate())
        .put("status4xx", status4xx)
        .put("status5xx", status5xx)
        .put("timeouts", timeouts)
        .put("errors", errors)
        .put(
            "latencyMs",
            new JsonObject()
                .put("average", latency.average())
                .put("p50", latency.p50())
                .put("p95", latency.p95())
                .put("p99", latency.p99())
                .put("max", latency.max()));
  }

  /**
   * Reads what {@link #toJson} wrote.
   *
   * @throws IllegalArgumentException naming the first missing field
   */
  static LoadResult fromJson(JsonObject json) {
    JsonObject latency = required(json, "latencyMs").getJsonObject("latencyMs");
    return new LoadResult(
        number(json, "requests").longValue(),
        number(json, "seconds").doubleValue(),
        number(json, "success").longValue(),
        number(json, "status4xx").longValue(),
        number(json, "status5xx").longValue(),
        number(json, "timeouts").longValue(),
        number(json, "errors").longValue(),
        new Latency(
            number(latency, "average").doubleValue(),
            number(latency, "p50").doubleValue(),
            number(latency, "p95").doubleValue(),
            number(latency, "p99").doubleValue(),
            number(latency, "max").doubleValue()));
  }

  private static JsonObject required(JsonObject json, String field) {
    if (json.getValue(field) == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return json;
  }

  private static Number number(JsonObject json, String field) {
    if (!(required(json, field).getValue(field) instanceof Number number)) {
      throw new IllegalArgumentException("field '" + field + "' is not a number");
    }
    return number;
  }
}
