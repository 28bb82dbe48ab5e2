package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped local configuration and example policies behave as the README promises. */
class LocalExampleTest {

  private static TestRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    runtime =
        TestRuntime.startFrom(
            Path.of("../examples/local/runtime.yaml"),
            Map.of("AGENT_SERVER_PORT", "0", "AGENT_MANAGEMENT_PORT", "0"));
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
  }

  @Test
  void theOriginalLoadTestBodyIsAllowed() throws Exception {
    HttpResponse<String> response =
        runtime.post(
            "/dispatch", "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void suspendedUsersAreBlockedByANamedPolicy() throws Exception {
    HttpResponse<String> response =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"mallory\", \"suspended\": true}}");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(response.body()).getJsonArray("policies"))
        .containsExactly("block-suspended-users");
  }

  @Test
  void dataExportIsReservedToDataStewards() throws Exception {
    HttpResponse<String> outsider =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"export_customer_data\", \"context\": {\"user_id\": \"test\"}}");
    HttpResponse<String> steward =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"export_customer_data\","
                + " \"context\": {\"user_id\": \"dana\", \"groups\": [\"data-stewards\"]}}");

    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(outsider.body()).getJsonArray("policies"))
        .containsExactly("restrict-data-export");
    assertThat(steward.statusCode()).isEqualTo(200);
  }
}
