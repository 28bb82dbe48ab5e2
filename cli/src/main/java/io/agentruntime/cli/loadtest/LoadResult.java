package io.agentruntime.cli.loadtest;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one stage (or the whole test) measured, in the original "Load Test Results" terms. Latencies
 * cover every request that got an answer, whatever its status; timeouts, connection errors and
 * failed streams are counted but have no latency.
 *
 * @param requests requests sent
 * @param seconds wall time from the first send to the last answer
 * @param success answers with a 2xx or 3xx status
 * @param status4xx answers with a 4xx status
 * @param status5xx answers with a 5xx status
 * @param timeouts requests not answered within {@code --timeout}
 * @param errors requests that failed otherwise (connection refused or reset)
 * @param latency the answered requests' latencies
 * @param streaming what the streamed answers measured, or null when answers were read whole
 */
record LoadResult(
    long requests,
    double seconds,
    long success,
    long status4xx,
    long status5xx,
    long timeouts,
    long errors,
    Latency latency,
    Streaming streaming) {

  /**
   * Latencies in milliseconds.
   *
   * @param average the mean
   * @param p50 the median
   * @param p95 the 95th percentile
   * @param p99 the 99th percentile
   * @param max the largest
   */
  record Latency(double average, double p50, double p95, double p99, double max) {
    JsonObject toJson() {
      return new JsonObject()
          .put("average", average)
          .put("p50", p50)
          .put("p95", p95)
          .put("p99", p99)
          .put("max", max);
    }

    static Latency fromJson(JsonObject json) {
      return new Latency(
          number(json, "average").doubleValue(),
          number(json, "p50").doubleValue(),
          number(json, "p95").doubleValue(),
          number(json, "p99").doubleValue(),
          number(json, "max").doubleValue());
    }
  }

  /**
   * Streamed answers. A stream that ended with an error, or without its end event, is a failed
   * request: counted in {@code requests} and by reason here, never a success, without a latency.
   *
   * @param pieces the pieces received, failed streams' included
   * @param piecesPerSecond {@code pieces} over the wall time: the load's throughput in pieces
   * @param piecesPerSecondPerStream the pace a reader sees: pieces after the first over the time
   *     from the first piece to the last, over the completed streams of two pieces or more
   * @param timeToFirstPiece from sending a request (in open loop, from when it was due) to reading
   *     its first piece, over the completed streams with a piece
   * @param failures failed streams by reason ({@code error event backend-timeout}, {@code ended
   *     without done}, …)
   */
  record Streaming(
      long pieces,
      double piecesPerSecond,
      double piecesPerSecondPerStream,
      Latency timeToFirstPiece,
      Map<String, Long> failures) {
    Streaming {
      failures = Map.copyOf(failures);
    }

    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    JsonObject toJson() {
      JsonObject reasons = new JsonObject();
      new TreeMap<>(failures).forEach(reasons::put);
      return new JsonObject()
          .put("pieces", pieces)
          .put("piecesPerSecond", piecesPerSecond)
          .put("piecesPerSecondPerStream", piecesPerSecondPerStream)
          .put("timeToFirstPieceMs", timeToFirstPiece.toJson())
          .put("failed", failed())
          .put("failures", reasons);
    }

    static Streaming fromJson(JsonObject json) {
      Map<String, Long> reasons = new TreeMap<>();
      JsonObject failures = json.getJsonObject("failures", new JsonObject());
      failures
          .fieldNames()
          .forEach(reason -> reasons.put(reason, number(failures, reason).longValue()));
      return new Streaming(
          number(json, "pieces").longValue(),
          number(json, "piecesPerSecond").doubleValue(),
          number(json, "piecesPerSecondPerStream").doubleValue(),
          Latency.fromJson(
              required(json, "timeToFirstPieceMs").getJsonObject("timeToFirstPieceMs")),
          reasons);
    }
  }

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
    JsonObject json =
        new JsonObject()
            .put("requests", requests)
            .put("seconds", seconds)
            .put("requestsPerSecond", requestsPerSecond())
            .put("success", success)
            .put("successRate", successRate())
            .put("status4xx", status4xx)
            .put("status5xx", status5xx)
            .put("timeouts", timeouts)
            .put("errors", errors)
            .put("latencyMs", latency.toJson());
    return streaming == null ? json : json.put("streaming", streaming.toJson());
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
        Latency.fromJson(latency),
        json.getValue("streaming") instanceof JsonObject streaming
            ? Streaming.fromJson(streaming)
            : null);
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
