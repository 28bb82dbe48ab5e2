package io.agentruntime.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, it gets a problem document with a stable type: never a 500. */
class BadInputTest {

  private static final String PROBLEMS = "https://agentruntime.io/problems/";

  @TempDir static Path dir;
  private static TestRuntime runtime;

  @BeforeAll
  static void start() throws Exception {
    runtime =
        TestRuntime.start(
            dir, TestRuntime.ECHO_INTENTS, Map.of("allow.cedar", TestRuntime.ALLOW_ALL));
  }

  @AfterAll
  static void stop() throws Exception {
    runtime.close();
  }

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
    HttpResponse<String> response = runtime.post("/dispatch", body);

    assertThat(assertProblem(response, type).getString("detail")).contains(detailMentions);
  }

  @Test
  void rejectsInvalidUtf8() throws Exception {
    byte[] body =
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"\u00ff\"}}"
            .getBytes(StandardCharsets.ISO_8859_1);

    HttpResponse<String> response =
        runtime.send("/dispatch", HttpRequest.BodyPublishers.ofByteArray(body));

    assertProblem(response, "invalid-encoding");
  }

  @Test
  void rejectsADeepContextNamingWhereAndTheLimit() throws Exception {
    String body =
        "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\", \"deep\": "
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}}";

    HttpResponse<String> response = runtime.post("/dispatch", body);

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

    HttpResponse<String> response = runtime.post("/dispatch", body);

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
        runtime.post("/dispatch", "{\"intent\": \"call_reasoning\", \"context\": " + context + "}");

    assertThat(response.statusCode()).as(response.body()).isIn(200, 400, 403);
  }

  @Test
  void rejectsOtherContentTypes() throws Exception {
    HttpResponse<String> response =
        runtime.post("/dispatch", "{\"intent\": \"call_reasoning\"}", "content-type", "text/plain");

    assertProblem(response, "unsupported-media-type");
  }

  @Test
  void unknownRouteAndWrongMethodAreProblemsToo() throws Exception {
    assertProblem(runtime.get("/nowhere"), "not-found");
    assertProblem(runtime.get("/dispatch"), "method-not-allowed");
  }

  @Test
  void rejectsADeclaredBodyOverTheLimitBeforeReadingIt() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
      socket.setSoTimeout(10_000);
      write(
          socket,
          "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
              + "content-length: 2000000\r\n\r\n{\"intent\":");

      String response = readUntilClosed(socket);

      assertThat(response).startsWith("HTTP/1.1 413").contains(PROBLEMS + "payload-too-large");
    }
  }

  @Test
  void rejectsAChunkedBodyOverTheLimit() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
      socket.setSoTimeout(10_000);
      int size = (1 << 20) + 1;
      write(
          socket,
          "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
              + "transfer-encoding: chunked\r\n\r\n"
              + Integer.toHexString(size)
              + "\r\n"
              + "x".repeat(size)
              + "\r\n");

      String response = readUntilClosed(socket);

      assertThat(response).startsWith("HTTP/1.1 413").contains(PROBLEMS + "payload-too-large");
    }
  }

  @Test
  void slowClientGets408AndTheConnectionCloses() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", runtime.port())) {
      socket.setSoTimeout(10_000);
      write(
          socket,
          "POST /dispatch HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n"
              + "content-length: 60\r\n\r\n{\"intent\": \"call_");

      long started = System.nanoTime();
      String response = readUntilClosed(socket);

      assertThat(response).startsWith("HTTP/1.1 408").contains(PROBLEMS + "request-timeout");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
    }
  }

  @Test
  void theServerStillAnswersAfterAllThat() throws Exception {
    HttpResponse<String> response =
        runtime.post(
            "/dispatch", "{\"intent\": \"call_reasoning\", \"context\": {\"user_id\": \"test\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  private static JsonObject assertProblem(HttpResponse<String> response, String type) {
    return ProblemAssert.isProblem(response, type);
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads until the server closes the connection; fails the test if it never does. */
  private static String readUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        received.write(buffer, 0, read);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was not closed; received: " + received, e);
    } catch (SocketException resetAfterTheAnswer) {
      // Closing with unread request bytes makes the kernel reset the connection: closed too.
    }
    return received.toString(StandardCharsets.UTF_8);
  }
}
