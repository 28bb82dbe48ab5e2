package io.agentruntime.cli.loadtest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A load test's configuration and results, as {@code loadtest} prints them and {@code
 * perf-regression --current/--baseline} reads them back.
 *
 * @param scenario the preset's name, or {@code custom}
 * @param method the HTTP method
 * @param url the target URL
 * @param stages each stage's shape and results, in order
 * @param total all stages together
 */
record LoadReport(
    String scenario, String method, String url, List<StageReport> stages, LoadResult total) {

  /**
   * One stage of the test.
   *
   * @param description its shape, such as {@code 1000 requests, 25 concurrent, closed loop}
   * @param result what it measured
   */
  record StageReport(String description, LoadResult result) {}

  LoadReport {
    stages = List.copyOf(stages);
  }

  JsonObject toJson() {
    JsonArray stageArray = new JsonArray();
    stages.forEach(
        stage ->
            stageArray.add(
                new JsonObject()
                    .put("description", stage.description())
                    .put("results", stage.result().toJson())));
    return new JsonObject()
        .put(
            "configuration",
            new JsonObject()
                .put("scenario", scenario)
                .put("method", method)
                .put("url", url)
                .put("stages", stageArray))
        .put("results", total.toJson());
  }

  /**
   * Reads a report that {@code loadtest -o json} wrote.
   *
   * @throws IllegalArgumentException naming what is missing or malformed
   */
  static LoadReport parse(String json) {
    JsonObject root;
    try {
      root = new JsonObject(json);
    } catch (DecodeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    JsonObject configuration = object(root, "configuration");
    JsonArray stageArray = configuration.getJsonArray("stages", new JsonArray());
    List<StageReport> stages =
        stageArray.stream()
            .map(JsonObject.class::cast)
            .map(
                stage ->
                    new StageReport(
                        stage.getString("description", ""),
                        LoadResult.fromJson(object(stage, "results"))))
            .toList();
    return new LoadReport(
        configuration.getString("scenario", "custom"),
        configuration.getString("method", ""),
        configuration.getString("url", ""),
        stages,
        LoadResult.fromJson(object(root, "results")));
  }

  private static JsonObject object(JsonObject json, String field) {
    if (!(json.getValue(field) instanceof JsonObject object)) {
      throw new IllegalArgumentException("missing object '" + field + "'");
    }
    return object;
  }
}
