package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.agentruntime.runtime.governance.DecisionLog;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DispatchTest {

  private static final String LOAD_TEST_BODY =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}";
  private static final String SUSPENDED_BODY =
      "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"mallory\", \"suspended\": true}}";

  @TempDir Path dir;
  private TestRuntime runtime;
  private final ListAppender<ILoggingEvent> decisions = new ListAppender<>();

  @BeforeEach
  void start() throws Exception {
    decisions.start();
    decisionLogger().addAppender(decisions);
    runtime =
        TestRuntime.start(
            dir,
            TestRuntime.ECHO_INTENTS,
            Map.of(
                "allow.cedar", TestRuntime.ALLOW_ALL,
                "suspended.cedar", TestRuntime.BLOCK_SUSPENDED));
  }

  @AfterEach
  void stop() throws Exception {
    decisionLogger().detachAppender(decisions);
    runtime.close();
  }

  @Test
  void allowedDispatchAnswersWithTheDecisionAndTheBackendResult() throws Exception {
    HttpResponse<String> response =
        runtime.post(
            "/dispatch",
            "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"},"
                + " \"input\": {\"prompt\": \"hi\"}}",
            "x-request-id",
            "req-42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    JsonObject body = new JsonObject(response.body());
    assertThat(body.fieldNames())
        .containsExactlyInAnyOrder("requestId", "intent", "decision", "result", "durationMs");
    assertThat(body.getString("requestId"))
        .matches("[0-9a-f]{32}")
        .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
    assertThat(body.getString("intent")).isEqualTo("call_reasoning");
    assertThat(body.getJsonObject("decision"))
        .isEqualTo(
            new JsonObject()
                .put("effect", "Allow")
                .put("policies", new JsonArray().add("allow-all"))
                .put("mode", "Enforce"));
    assertThat(body.getJsonObject("result").getJsonObject("input").getString("prompt"))
        .isEqualTo("hi");
    assertThat(body.getDouble("durationMs")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void generatesARequestIdWhenTheCallerSentNoUsableOne() throws Exception {
    HttpResponse<String> response =
        runtime.post("/dispatch", LOAD_TEST_BODY, "x-request-id", "../etc/passwd");

    String requestId = response.headers().firstValue("x-request-id").orElseThrow();
    assertThat(requestId).matches("[0-9a-f]{32}");
    assertThat(new JsonObject(response.body()).getString("requestId")).isEqualTo(requestId);
  }

  @Test
  void theCallersRequestIdIsLoggedBesideOursNeverInsteadOfIt() throws Exception {
    HttpResponse<String> first =
        runtime.post("/dispatch", SUSPENDED_BODY, "x-request-id", "trace-7");
    HttpResponse<String> replayed =
        runtime.post("/dispatch", SUSPENDED_BODY, "x-request-id", "trace-7");
    runtime.post("/dispatch", SUSPENDED_BODY, "x-request-id", "trace 7\u00e9; drop");

    List<JsonObject> lines =
        decisions.list.stream()
            .map(ILoggingEvent::getFormattedMessage)
            .map(JsonObject::new)
            .toList();
    assertThat(lines)
        .filteredOn(line -> "trace-7".equals(line.getString("clientRequestId")))
        .extracting(line -> line.getString("requestId"))
        .containsExactly(requestId(first), requestId(replayed))
        .doesNotHaveDuplicates();
    assertThat(lines)
        .hasSize(3)
        .last()
        .satisfies(line -> assertThat(line.containsKey("clientRequestId")).isFalse());
  }

  @Test
  void deniedDispatchNamesTheForbiddingPolicy() throws Exception {
    HttpResponse<String> response = runtime.post("/dispatch", SUSPENDED_BODY);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("type")).isEqualTo("https://agentruntime.io/problems/denied");
    assertThat(problem.getString("detail")).contains("block-suspended-users");
    assertThat(problem.getJsonArray("policies")).containsExactly("block-suspended-users");
    assertThat(problem.getString("instance")).isEqualTo("/dispatch");
    assertThat(problem.getString("requestId"))
        .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
  }

  @Test
  void switchingThePolicyToAuditLetsTheRequestThroughAndLogsTheWouldBeDenial() throws Exception {
    runtime.writePolicy("suspended.cedar", "@mode(\"Audit\")\n" + TestRuntime.BLOCK_SUSPENDED);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(runtime.post("/dispatch", SUSPENDED_BODY).statusCode()).isEqualTo(200));
    assertThat(decisions.list)
        .map(ILoggingEvent::getFormattedMessage)
        .map(JsonObject::new)
        .anySatisfy(
            line -> {
              assertThat(line.getString("principal")).isEqualTo("mallory");
              assertThat(line.getString("effect")).isEqualTo("Allow");
              assertThat(line.getJsonArray("auditDenials")).contains("block-suspended-users");
            });
  }

  @Test
  void everyDecisionIsLoggedAsOneJsonLine() throws Exception {
    String requestId =
        requestId(runtime.post("/dispatch", SUSPENDED_BODY, "x-request-id", "audit-me"));

    assertThat(decisions.list)
        .map(ILoggingEvent::getFormattedMessage)
        .map(JsonObject::new)
        .filteredOn(line -> requestId.equals(line.getString("requestId")))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.fieldNames())
                  .contains(
                      "time",
                      "requestId",
                      "clientRequestId",
                      "principal",
                      "intent",
                      "effect",
                      "mode",
                      "policies",
                      "auditDenials",
                      "micros");
              assertThat(line.getString("effect")).isEqualTo("Deny");
              assertThat(line.getJsonArray("policies")).containsExactly("block-suspended-users");
            });
  }

  @Test
  void decisionsEndpointAnswersAllowAndDenyWithoutDispatching() throws Exception {
    HttpResponse<String> allowed = runtime.post("/v1/decisions", LOAD_TEST_BODY);
    HttpResponse<String> denied = runtime.post("/v1/decisions", SUSPENDED_BODY);

    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(allowed.body()).getJsonObject("decision").getString("effect"))
        .isEqualTo("Allow");
    assertThat(denied.statusCode()).isEqualTo(200);
    JsonObject deniedBody = new JsonObject(denied.body());
    assertThat(deniedBody.getBoolean("permitted")).isFalse();
    assertThat(deniedBody.getJsonObject("decision").getJsonArray("policies"))
        .containsExactly("block-suspended-users");
    assertThat(deniedBody.containsKey("result")).isFalse();
  }

  @Test
  void listsTheConfiguredIntents() throws Exception {
    HttpResponse<String> response = runtime.get("/v1/intents");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonArray("intents"))
        .map(intent -> ((JsonObject) intent).getString("name"))
        .containsExactly("call_reasoning", "export_customer_data");
  }

  @Test
  void requestWithoutAnyPrincipalIsUnauthenticated() throws Exception {
    HttpResponse<String> response =
        runtime.post("/dispatch", "{\"intent\": \"call_reasoning\", \"context\": {}}");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(response.body()).getString("type"))
        .isEqualTo("https://agentruntime.io/problems/unauthenticated");
  }

  @Test
  void healthAndReadinessAnswerOnceThePolicySetIsLoaded() throws Exception {
    assertThat(runtime.management("/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = runtime.management("/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getInteger("policies")).isEqualTo(2);
  }

  private static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-request-id").orElseThrow();
  }

  private static Logger decisionLogger() {
    return (Logger) LoggerFactory.getLogger(DecisionLog.LOGGER);
  }
}
