package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, it gets a problem document with a stable type: never a 500. */
class BadInputTest {

  @RegisterExtension static final ServingRuntime serving = ServingRuntime.allowingAll();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          malformed JSON         | {"intent": "call_reasoning",                          | malformed-json  | JSON
          trailing content       | {"intent": "call_reasoning"} {"intent": "x"}          | malformed-json  | after
          not an object          | ["call_reasoning"]                                    | invalid-request | JSON object
          missing intent         | {"context": {"user_id": "test"}}                      | invalid-request | intent
          numeric intent         | {"intent": 7, "context": {"user_id": "test"}}         | invalid-request | intent
          context not an object  | {"intent": "call_reasoning", "context": "test"}       | invalid-request | context
          input not an object    | {"intent": "call_reasoning", "context": {"user_id": "t"}, "input": [1]} | invalid-request | input
          unknown member         | {"intent": "call_reasoning", "contxt": {}}            | invalid-request | contxt
          user_id not a string   | {"intent": "call_reasoning", "context": {"user_id": 5}} | invalid-request | context.user_id
          unknown intent         | {"intent": "launch_rockets", "context": {"user_id": "test"}} | unknown-intent | launch_rockets
          intent given twice     | {"intent": "call_reasoning", "intent": "export_customer_data", "context": {"user_id": "t"}} | malformed-json | Duplicate field 'intent'
          context key twice      | {"intent": "call_reasoning", "context": {"user_id": "t", "user_id": "admin"}} | malformed-json | Duplicate field 'user_id'
          """)
  void rejectsBadBodies(String name, String body, String type, String detailMentions)
      throws Exception {
    HttpResponse<String> response = serving.runtime().post("/dispatch", body);

    assertThat(assertProblem(response, type).getString("detail")).contains(detailMentions);
  }

  @Test
  void rejectsInvalidUtf8() throws Exception {
    byte[] body =
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"\u00ff\"}}"
            .getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> response =
        serving.runtime().send("/dispatch", HttpRequest.BodyPublishers.ofByteArray(body));

    assertProblem(response, "invalid-encoding");
  }

  @Test
  void rejectsADeepContextNamingWhereAndTheLimit() throws Exception {
    String body =
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\", \"deep\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}}";

    HttpResponse<String> response = serving.runtime().post("/dispatch", body);

    assertThat(assertProblem(response, "invalid-request").getString("detail"))
        .contains("16 levels (governance.context.maxDepth)")
        .contains("/context/deep");
  }

  @Test
  void rejectsADeepInputNamingWhere() throws Exception {
    String body =
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}, \"input\": {\"deep\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}}";

    HttpResponse<String> response = serving.runtime().post("/dispatch", body);

    assertThat(assertProblem(response, "invalid-request").getString("detail"))
        .contains("32 levels")
        .contains("/input/deep");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"user_id": "t", "huge": 123456789012345678901234567890123}
          {"user_id": "t", "beyondDouble": 1e400, "fraction": 0.5}
          {"user_id": "t", "nothing": null, "list": [null, 1, "a", {"b": []}]}
          {"user_id": "t", "suspended": "yes"}
          {"user_id": "t", "": {"\u0000": "\ud800"}}
          """)
  void oddContextValuesAreDecidedNotCrashedOn(String context) throws Exception {
    HttpResponse<String> response =
        serving
            .runtime()
            .post("/dispatch", "{\"intent\": \"call_reasoning\", \"context\": " + context + "}");

    assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 403);
  }

  @Test
  void rejectsOtherContentTypes() throws Exception {
    HttpResponse<String> response =
        serving
            .runtime()
            .post("/dispatch", "{\"intent\": \"call_reasoning\"}", "content-type", "text/plain");

    assertProblem(response, "unsupported-media-type");
  }

  @Test
  void unknownRouteAndWrongMethodAreProblemsToo() throws Exception {
    assertProblem(serving.runtime().get("/nowhere"), "not-found");
    HttpResponse<String> wrongMethod = serving.runtime().get("/dispatch");
    assertProblem(wrongMethod, "method-not-allowed");
    assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
  }

  @Test
  void aRequestWithoutHostIsAProblem() throws Exception {
    RawConnection.Response response =
        RawConnection.exchange(
            serving.runtime().port(),
            "POST /dispatch HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.problem("invalid-request").getString("detail")).contains("Host");
  }

  @Test
  void aSlowBodyHoldsUpNoneOfTheRequestsBehindIt() throws Exception {
    long started = System.nanoTime();
    try (RawConnection slow = RawConnection.open(serving.runtime().port())) {
      slow.send(
          "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
              + "content-length: 60\r\n\r\n{\"intent\": \"call_");
      for (int i = 0; i < 20; i++) {
        assertThat(
                serving
                    .runtime()
                    .post(
                        "/dispatch", "{\"intent\": \"call_reasoning\"}", "x-agent-principal", "ann")
                    .statusCode())
            .isEqualTo(200);
      }

      RawConnection.Response refused = slow.read();
      assertThat(refused.status()).isEqualTo(408);
      refused.problem("request-timeout");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
  }

  @Test
  void rejectsADeclaredBodyOverTheLimitBeforeReadingIt() throws Exception {
    assertRefusedAndClosed(
        "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
            + "content-length: 2000000\r\n\r\n{\"intent\":",
        413,
        "payload-too-large");
  }

  @Test
  void rejectsAChunkedBodyOverTheLimit() throws Exception {
    int size = (1 << 20) + 1;
    assertRefusedAndClosed(
        "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
            + "transfer-encoding: chunked\r\n\r\n"
            + Integer.toHexString(size)
            + "\r\n"
            + "x".repeat(size)
            + "\r\n",
        413,
        "payload-too-large");
  }

  @Test
  void slowClientGets408AndTheConnectionCloses() throws Exception {
    long started = System.nanoTime();

    assertRefusedAndClosed(
        "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
            + "content-length: 60\r\n\r\n{\"intent\": \"call_",
        408,
        "request-timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
  }

  private static JsonObject assertProblem(HttpResponse<String> response, String type) {
    return ProblemAssert.isProblem(response, type);
  }

  /** Sends {@code request} as it is; the answer must be the problem, then the connection closed. */
  private static void assertRefusedAndClosed(String request, int status, String type)
      throws IOException {
    try (RawConnection connection = RawConnection.open(serving.runtime().port())) {
      RawConnection.Response response = connection.send(request).read();

      assertThat(response.statusLine()).startsWith("HTTP/1.1 " + status);
      response.problem(type);
      assertThat(connection.closedWithin(Duration.ofSeconds(10))).isTrue();
    }
  }
}
