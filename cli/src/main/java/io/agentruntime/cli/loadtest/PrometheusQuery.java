package io.agentruntime.cli.loadtest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalDouble;

/** Instant queries against Prometheus's HTTP API ({@code GET /api/v1/query}). */
final class PrometheusQuery implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient client;

  PrometheusQuery(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * The value of a query that yields at most one series.
   *
   * @return empty when Prometheus has no sample (no series, or NaN as a quantile of no traffic)
   * @throws PrometheusException when Prometheus cannot be reached or refuses the query
   */
  OptionalDouble scalar(String promql) throws PrometheusException, InterruptedException {
    URI uri =
        URI.create(
            base.toString().replaceAll("/+$", "")
                + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PrometheusException("cannot query " + base + ": " + e, e);
    }
    return value(response);
  }

  private OptionalDouble value(HttpResponse<String> response) throws PrometheusException {
    JsonObject json;
    try {
      json = new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new PrometheusException(
          base + " answered " + response.statusCode() + " without Prometheus's JSON", e);
    }
    if (!"success".equals(json.getString("status"))) {
      throw new PrometheusException(
          base + " refused the query (" + response.statusCode() + "): " + json.getString("error"),
          null);
    }
    JsonArray result = json.getJsonObject("data", new JsonObject()).getJsonArray("result");
    if (result == null || result.isEmpty()) {
      return OptionalDouble.empty();
    }
    double value = Double.parseDouble(result.getJsonObject(0).getJsonArray("value").getString(1));
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  @Override
  public void close() {
    client.close();
  }

  /** Prometheus could not answer: unreachable, not Prometheus, or a query it refused. */
  static final class PrometheusException extends Exception {
    PrometheusException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
