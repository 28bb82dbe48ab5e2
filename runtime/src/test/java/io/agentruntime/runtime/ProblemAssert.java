package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;

/** The shape every error answer must have (RFC 9457 plus the request id). */
final class ProblemAssert {

  private ProblemAssert() {}

  static JsonObject isProblem(HttpResponse<String> response, String slug) {
    JsonObject problem = new JsonObject(response.body());
    assertThat(response.headers().firstValue("content-type"))
        .as("content type of %s", response.body())
        .hasValue("application/problem+json");
    assertThat(problem.getString("type"))
        .as("problem type of %s", response.body())
        .isEqualTo("https://agentruntime.io/problems/" + slug);
    assertThat(problem.getInteger("status")).isEqualTo(response.statusCode());
    assertThat(problem.fieldNames()).contains("title", "detail", "instance", "requestId");
    return problem;
  }
}
